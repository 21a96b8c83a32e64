import { appHost, appScheme } from './appProtocol';
import type { RendererLocation } from './rendererLocation';

/**
 * Is this URL (or origin) the app's own? Used for every IPC request (the sender frame's URL), for
 * navigation (anything else is cancelled), before pushing events to a window, and for permission
 * checks (which get an origin such as 'app://renderer', not a page URL).
 * - built app: anything on app://renderer — that origin serves only the renderer folder, so no
 *   downloaded or other local page can ever have it (and the install path, with its drive-letter
 *   case on Windows, plays no part);
 * - development: the dev server's origin.
 */
export function isAppUrl(candidate: string | null | undefined, location: RendererLocation): boolean {
  const origin = originOf(candidate);
  return origin !== null && origin === appOrigin(location);
}

/** The app's origin, as scheme://host[:port], lower-cased. */
export function appOrigin(location: RendererLocation): string {
  return location.kind === 'dev' ? (originOf(location.url) ?? 'invalid:') : `${appScheme}://${appHost}`;
}

/**
 * scheme://host[:port] of a URL, lower-cased as Chromium does for standard schemes. Not URL.origin:
 * for a scheme the WHATWG parser does not know (app:) that is the string 'null'.
 */
function originOf(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.host === '' || url.username !== '' || url.password !== '') return null;
  return `${url.protocol}//${url.host}`.toLowerCase();
}

/** The sender of an IPC request: its frame's URL and whether it is the top-level frame. */
export interface SenderFrame {
  url: string;
  isTopFrame: boolean;
}

/** Only the app's own top-level page may call the contract (no iframe, no navigated-away page). */
export function isTrustedSender(frame: SenderFrame | null, location: RendererLocation): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url, location);
}
