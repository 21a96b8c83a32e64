import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Handlers } from '#contract/channels';
import type { Result } from '#contract/result';
import type { Logger } from '../core/ports';
import { describeError, dispatch, type EventHub } from '../core/transport';
import type { RendererLocation } from './rendererLocation';
import { isAppUrl, isTrustedSender } from './senderCheck';

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', params: {}, retryable: false },
};

/**
 * One ipcMain.handle per contract channel (no generic channel). Each request: check the sender
 * frame, then hand channel + raw payload to the shared dispatcher, which parses, calls the
 * service and wraps the answer. Returns a function that removes the handlers.
 */
export function registerIpc(handlers: Handlers, location: RendererLocation, log: Logger): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
      if (!isTrustedSender(sender, location)) {
        log.warn('IPC request from an untrusted frame refused', {
          channel,
          frameUrl: frame?.url.slice(0, 200),
        });
        return forbidden;
      }
      return dispatch(handlers, channel, payload, {
        onUnexpected: ({ ref, stage, error }) =>
          log.error('Unexpected failure', { channel, ref, stage, ...describeError(error) }),
      });
    });
  }
  return () => channelNames.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Pushes every core event to the app's windows, on an IPC channel named after the event. */
export function forwardEvents(hub: EventHub, location: RendererLocation): () => void {
  return hub.subscribe(({ name, payload }) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      // Never to a page that is not ours (navigation is blocked, but a crashed or loading page is possible).
      if (!contents.isDestroyed() && isAppUrl(contents.getURL(), location)) contents.send(name, payload);
    }
  });
}
