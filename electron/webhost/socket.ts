import type { WebSocket, WebSocketServer } from 'ws';
import type { Handlers } from '#contract/channels';
import type { Logger } from '../core/ports';
import { badInput, describeError, dispatch, type EventHub } from '../core/transport';
import { requestFrameSchema, type ServerFrame } from './protocol';

/**
 * Carries the contract over the authenticated sockets: each text frame is one call, answered by
 * the same dispatcher the Electron IPC uses; every core event goes to every open socket.
 * A frame that is not a readable call gets a BAD_INPUT answer (with its id when it has one);
 * the socket stays open, as an IPC channel would. A frame the WebSocket layer itself rejects
 * (over MAX_FRAME_BYTES, a protocol violation) closes that one socket; the host carries on.
 */
export function serveContract(
  wss: WebSocketServer,
  handlers: Handlers,
  events: EventHub,
  log: Logger,
): () => void {
  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  // Without a listener, an 'error' event would be thrown and end the whole host process.
  wss.on('error', (error) => log.warn('Webhost socket server error', describeError(error)));
  wss.on('connection', (ws) => {
    ws.on('error', (error) => log.warn('Webhost socket closed on a bad frame', describeError(error)));
    ws.on('message', (data, isBinary) => {
      void answer(ws, isBinary ? null : data.toString()).catch((error: unknown) =>
        log.error('Webhost socket failure', describeError(error)),
      );
    });
  });

  async function answer(ws: WebSocket, text: string | null): Promise<void> {
    let parsed: unknown;
    try {
      parsed = text === null ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    const frame = requestFrameSchema.safeParse(parsed);
    if (!frame.success) {
      const id = requestFrameSchema.shape.id.safeParse((parsed as { id?: unknown } | null)?.id);
      const error = badInput(frame.error.issues.map((i) => ({ ...i, path: ['frame', ...i.path] })));
      return send(ws, { type: 'result', id: id.success ? id.data : null, result: { ok: false, error } });
    }
    const { id, channel, payload } = frame.data;
    const result = await dispatch(handlers, channel, payload, {
      onUnexpected: ({ ref, stage, error }) =>
        log.error('Unexpected failure', { channel, ref, stage, ...describeError(error) }),
    });
    send(ws, { type: 'result', id, result });
  }

  return events.subscribe(({ name, payload }) => {
    for (const ws of wss.clients) send(ws, { type: 'event', name, payload });
  });
}
