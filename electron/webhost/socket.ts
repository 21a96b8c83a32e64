import type { WebSocket, WebSocketServer } from 'ws';
import type { Handlers } from '#contract/channels';
import type { Logger } from '../core/ports';
import { badInput, describeError, dispatch, type EventHub } from '../core/transport';
import { requestFrameSchema, type ServerFrame } from './protocol';

/**
 * Carries the contract over the authenticated sockets: each text frame is one call, answered by
 * the same dispatcher the Electron IPC uses; every core event goes to every open socket.
 * A frame that is not a readable call gets a BAD_INPUT answer (with its id when it has one);
 * the socket stays open, as an IPC channel would.
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

  wss.on('connection', (ws) => {
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
