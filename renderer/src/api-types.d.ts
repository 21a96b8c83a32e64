import type { WxgApi } from '#contract/api';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the browser host's bridge script before the app starts. */
    readonly wxg: WxgApi;
  }
}
