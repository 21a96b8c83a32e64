/**
 * Content-Security-Policy for the renderer. The page needs no network at all: only its own
 * scripts and styles. The three hosts differ only where they must:
 * - app: the built files, no connections;
 * - dev: Vite's dev server needs its inline React-refresh preamble and its HMR socket (same origin);
 * - webhost: the browser host's page talks to its own WebSocket (same origin).
 * Styles allow 'unsafe-inline' because the UI library injects <style> elements at run time.
 */
export type CspMode = 'app' | 'dev' | 'webhost';

export function contentSecurityPolicy(mode: CspMode): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': mode === 'dev' ? "'self' 'unsafe-inline'" : "'self'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data:",
    'font-src': "'self' data:",
    'connect-src': mode === 'app' ? "'none'" : "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-src': "'none'",
    'frame-ancestors': "'none'",
    'worker-src': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
