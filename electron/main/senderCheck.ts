import { pathToFileURL } from 'node:url';
import type { RendererLocation } from './rendererLocation';

/**
 * Is this URL the app's own page? Used for every IPC request (the sender frame's URL), for
 * navigation (anything else is cancelled) and before pushing events to a window.
 * - built app: exactly the renderer's index.html as a file: URL (query and hash ignored) — not any
 *   file: URL, or a downloaded local .html could drive the IPC;
 * - development: the dev server's origin.
 */
export function isAppUrl(candidate: string | null | undefined, location: RendererLocation): boolean {
  if (!candidate) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return url.origin === new URL(location.url).origin;
  const index = pathToFileURL(location.indexFile);
  return url.protocol === 'file:' && url.host === '' && url.pathname === index.pathname;
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
