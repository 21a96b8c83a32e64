import { channelNames, type ChannelName, type ChannelOutput, type ChannelRequest } from './channels';
import { isEventName, type EventName, type EventPayload } from './events';
import type { Result } from './result';

/**
 * The renderer's API (`window.wxg`), the same in Electron (preload) and the browser host.
 *
 * Naming: one method per channel, `domain:verb` → `domainVerb` — `accounts:list` is
 * `wxg.accountsList()`, `accounts:setDefault` is `wxg.accountsSetDefault({ id })`. Methods never
 * reject: they resolve with a Result. A method whose input may be empty (`{}`) can be called
 * without an argument. `on(event, cb)` subscribes to a contract event and returns the unsubscribe.
 */
export type MethodName<C extends string> = C extends `${infer D}:${infer V}` ? `${D}${Capitalize<V>}` : never;

type Method<C extends ChannelName> =
  Record<string, never> extends ChannelRequest<C>
    ? (input?: ChannelRequest<C>) => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelRequest<C>) => Promise<Result<ChannelOutput<C>>>;

export type WxgApi = { readonly [C in ChannelName as MethodName<C>]: Method<C> } & {
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

export function methodName<C extends ChannelName>(channel: C): MethodName<C> {
  const [domain, verb] = channel.split(':') as [string, string];
  return `${domain}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodName<C>;
}

/** What a host must provide to build `window.wxg`: a way to call a channel and to hear an event. */
export interface WxgTransport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the API object from the channel list, so the preload and the browser host expose exactly
 * the same methods and nothing else (in particular no generic invoke).
 */
export function createWxgApi(transport: WxgTransport): WxgApi {
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    // An omitted argument means `{}`; anything else goes to the host unchanged and is parsed there.
    api[methodName(channel)] = (input?: unknown) =>
      transport.invoke(channel, input === undefined ? {} : input);
  }
  api['on'] = (event: unknown, callback: unknown) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof callback !== 'function')
      throw new TypeError('on(event, callback): callback must be a function');
    return transport.subscribe(event, (payload) => callback(payload));
  };
  // The transport is trusted to deliver results and payloads that match the contract.
  return Object.freeze(api) as WxgApi;
}
