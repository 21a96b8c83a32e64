// Browser-host only: installs `window.wxg` over the host's WebSocket before the app's module
// script runs (it is a classic script in <head>). The renderer cannot tell it from the preload:
// both are built by createWxgApi from the contract. Never part of the app bundle.
import { createWxgApi } from '#contract/api';
import type { EventName } from '#contract/events';
import type { Result } from '#contract/result';
import {
  MAX_FRAME_BYTES,
  socketPath,
  subprotocol,
  tokenPattern,
  tokenProtocolPrefix,
  type ServerFrame,
} from './protocol';

const storageKey = 'wxg.webhost.token';

/**
 * The per-run token arrives in the URL fragment the host printed (`#token=…`). Fragments never
 * reach a server, a log or a Referer; keep it for reloads of this tab and take it out of the
 * address bar before the app (and its router) starts.
 */
function takeToken(): string | null {
  const match = /^#token=([0-9a-f]{64})$/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(storageKey, match[1]);
    history.replaceState(history.state, '', location.pathname + location.search);
    return match[1];
  }
  const stored = sessionStorage.getItem(storageKey);
  return stored && tokenPattern.test(stored) ? stored : null;
}

const failure = (
  code: 'FORBIDDEN_SENDER' | 'INTERNAL',
  message: string,
  retryable: boolean,
): Result<never> => ({
  ok: false,
  error: { code, params: { message }, retryable },
});

const token = takeToken();
if (!token)
  console.error(
    '[webhost] No access token: open the address that `npm run web` printed (it ends in #token=…).',
  );

const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const queue: string[] = [];
let nextId = 1;
let socket: WebSocket | null = null;
let retryDelay = 250;

function connect(): void {
  if (!token) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${socketPath}`;
  const ws = new WebSocket(url, [subprotocol, `${tokenProtocolPrefix}${token}`]);
  socket = ws;
  ws.onopen = () => {
    retryDelay = 250;
    for (const frame of queue.splice(0)) ws.send(frame);
  };
  ws.onmessage = (message) => {
    if (typeof message.data !== 'string') return;
    const frame = JSON.parse(message.data) as ServerFrame;
    if (frame.type === 'result' && frame.id !== null) {
      pending.get(frame.id)?.(frame.result as Result<unknown>);
      pending.delete(frame.id);
    } else if (frame.type === 'event') {
      for (const listener of listeners.get(frame.name as EventName) ?? []) listener(frame.payload);
    }
  };
  ws.onclose = () => {
    socket = null;
    // Calls in flight may or may not have run; say so instead of leaving them hanging.
    for (const resolve of pending.values())
      resolve(failure('INTERNAL', 'Browser host connection lost', true));
    pending.clear();
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 5_000);
  };
}

const api = createWxgApi({
  invoke(channel, input) {
    if (!token) return Promise.resolve(failure('FORBIDDEN_SENDER', 'No browser host token', false));
    const id = nextId++;
    const frame = JSON.stringify({ id, channel, payload: input });
    // The host would drop the whole connection on a frame over its limit: refuse it here, in words.
    const bytes = frame.length * 3 > MAX_FRAME_BYTES ? new TextEncoder().encode(frame).byteLength : 0;
    if (bytes > MAX_FRAME_BYTES) {
      return Promise.resolve({
        ok: false,
        error: { code: 'REQUEST_TOO_LARGE', params: { bytes, max: MAX_FRAME_BYTES }, retryable: false },
      });
    }
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
      else queue.push(frame);
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'wxg', { value: api, enumerable: true, configurable: false, writable: false });
connect();
