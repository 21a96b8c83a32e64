import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../hostShared/csp';
import { isAllowedExternalUrl } from './externalLinks';
import { mayUsePermission } from './permissions';
import type { RendererLocation } from './rendererLocation';
import { isAppUrl } from './senderCheck';

/** Opens a link in the user's browser only if the allowlist says so; returns whether it did. */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/**
 * Rules for every web contents the app ever creates (registered before the first window):
 * no new windows (allowlisted links go to the browser instead), no navigation away from the app,
 * no <webview>.
 */
export function hardenAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
    const stayInApp = (event: { preventDefault(): void; url: string }) => {
      if (isAppUrl(event.url, location)) return;
      event.preventDefault();
      openExternalIfAllowed(event.url);
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * The session: no permissions (except writing plain text to the clipboard from the app's own page,
 * for "copy OpenID"), the CSP as a response header (app:// responses carry it already; the dev
 * server's get it here), and no network for the page: every web request other than the dev
 * server is cancelled. The core's WeChat traffic runs in Node (undici), outside this session.
 */
export function hardenSession(session: Session, location: RendererLocation): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayUsePermission(permission, details.requestingUrl, location)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayUsePermission(permission, requestingOrigin, location),
  );
  session.setDevicePermissionHandler(() => false);

  if (location.kind === 'dev') {
    const csp = contentSecurityPolicy('dev');
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
      });
    });
  }

  const devOrigin = location.kind === 'dev' ? new URL(location.url) : null;
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      const url = new URL(details.url);
      const toDevServer = devOrigin !== null && url.host === devOrigin.host;
      callback({ cancel: !toDevServer });
    },
  );
}
