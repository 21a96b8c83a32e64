import type { AppErrorData, Result } from '#contract/result';

/**
 * The typed API to the main process (or the browser host): one method per contract channel,
 * `accounts:list` → `wxg.accountsList()`, each resolving with a Result; `wxg.on(event, cb)`
 * returns an unsubscribe function.
 */
export const wxg = window.wxg;

/**
 * Whether a host installed `window.wxg` (the preload or the browser host's bridge). Without it
 * (the built page opened on its own) the app can only say that it needs to be started properly.
 */
export const hasBridge: boolean = typeof window.wxg === 'object' && window.wxg !== null;

/** An error result as a throwable value (for TanStack Query), keeping the code and params intact. */
export class WxgError extends Error {
  readonly data: AppErrorData;

  constructor(data: AppErrorData) {
    super(data.code);
    this.name = 'WxgError';
    this.data = data;
  }
}

/** The data of an ok result, or throws a WxgError: `wxg.accountsList().then(unwrap)`. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new WxgError(result.error);
}

/** Any thrown value as error data: a WxgError keeps its own, anything else is INTERNAL. */
export function errorData(error: unknown): AppErrorData {
  if (error instanceof WxgError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  // A chunk of the window that cannot be fetched any more: the files changed under it.
  if (/dynamically imported module|Importing a module script failed/i.test(message))
    return { code: 'APP_FILES_CHANGED', params: {}, retryable: false };
  return { code: 'INTERNAL', params: { message }, retryable: true };
}
