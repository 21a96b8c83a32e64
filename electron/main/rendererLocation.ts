import { appEntryUrl } from './appProtocol';

/**
 * Where the window's page comes from: the built files served over app:// from `rendererDir`, or
 * (development only) Vite's dev server.
 */
export type RendererLocation = { kind: 'app'; rendererDir: string } | { kind: 'dev'; url: string };

/**
 * electron-vite sets ELECTRON_RENDERER_URL for `electron-vite dev`. A packaged app ignores it, and
 * only a loopback http URL counts: otherwise anyone who can set an environment variable could load
 * a remote page next to the preload.
 */
export function resolveRendererLocation(options: {
  isPackaged: boolean;
  devUrl: string | undefined;
  rendererDir: string;
}): RendererLocation {
  if (!options.isPackaged && options.devUrl && isLoopbackHttp(options.devUrl))
    return { kind: 'dev', url: options.devUrl };
  return { kind: 'app', rendererDir: options.rendererDir };
}

/** The URL to load in the window. */
export function entryUrl(location: RendererLocation): string {
  return location.kind === 'dev' ? location.url : appEntryUrl;
}

function isLoopbackHttp(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
