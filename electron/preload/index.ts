// The sandboxed preload: exposes `window.wxg` with exactly one method per contract channel plus
// `on(event, callback)`. Nothing else — no ipcRenderer, no generic invoke.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createWxgApi } from '#contract/api';
import type { Result } from '#contract/result';

const api = createWxgApi({
  async invoke(channel, input) {
    try {
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch {
      // Only if the main process has no handler (e.g. during shutdown): still a Result, never a throw.
      return { ok: false, error: { code: 'INTERNAL', params: { message: 'IPC failed' }, retryable: true } };
    }
  },
  subscribe(event, listener) {
    // The IPC event object (with its sender and ports) never reaches the page.
    const strip = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, strip);
    return () => {
      ipcRenderer.removeListener(event, strip);
    };
  },
});

contextBridge.exposeInMainWorld('wxg', api);
