/**
 * The page's Content-Security-Policy: it needs no network, only its own files (and, in the browser
 * host, its own socket). Both hosts also send a stricter one as a header (the Electron app serves
 * the page from app://renderer with it); this one is a second line of defence.
 *
 * It is added by the entry script, before the script does anything else, instead of being written
 * into index.html: Chromium's preload scanner holds back every fetch of a page that has a CSP
 * <meta> until the parser reaches that tag, and in the browser host the parser first waits for the
 * host's blocking bridge script, so the app's own scripts only started loading after the bridge
 * had loaded and run. From here on, the policy covers everything the app loads and does.
 */
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

export function applyContentSecurityPolicy(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.prepend(meta);
}
