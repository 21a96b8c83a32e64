import type { RendererLocation } from './rendererLocation';
import { isAppUrl } from './senderCheck';

/**
 * The one permission the app uses: writing plain text to the clipboard ("copy OpenID"), from its
 * own page only. Everything else — camera, notifications, geolocation, HID… — stays denied.
 * Chromium asks twice: a check (with the requesting *origin*, e.g. 'app://renderer') and a request
 * (with the requesting page URL); both are compared by origin.
 */
const allowed = new Set(['clipboard-sanitized-write']);

export function mayUsePermission(
  permission: string,
  requestingUrlOrOrigin: string | null | undefined,
  location: RendererLocation,
): boolean {
  return allowed.has(permission) && isAppUrl(requestingUrlOrOrigin, location);
}
