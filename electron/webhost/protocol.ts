import { z } from 'zod';

/**
 * The browser host's wire format over its one WebSocket (JSON text frames):
 *   page → host  { id, channel, payload }             a contract call
 *   host → page  { type: 'result', id, result }        its Result (id null if the frame was unreadable)
 *   host → page  { type: 'event', name, payload }      a contract event
 * The token rides in the WebSocket subprotocol list, next to the protocol version, because a
 * browser cannot set other headers on a WebSocket handshake.
 */
export const socketPath = '/wxg';
export const subprotocol = 'wxg.v1';
export const tokenProtocolPrefix = 'wxg.token.';
export const tokenPattern = /^[0-9a-f]{64}$/;

/**
 * Largest frame either side sends: room for the contract's largest call (100 000 openids of up to
 * 64 characters, ~6.7 MB as JSON). The page refuses a bigger call itself, with REQUEST_TOO_LARGE,
 * instead of letting the host drop the connection.
 */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export const requestFrameSchema = z.object({
  id: z
    .int()
    .min(0)
    .max(2 ** 31),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrameSchema>;

export type ServerFrame =
  { type: 'result'; id: number | null; result: unknown } | { type: 'event'; name: string; payload: unknown };
