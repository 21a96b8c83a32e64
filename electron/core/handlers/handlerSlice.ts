import type { ChannelName, Handlers } from '#contract/channels';

/** The handlers of one domain: the channels named `<domain>:…`, typed by the contract. */
export type HandlerSlice<Domain extends string> = Pick<Handlers, Extract<ChannelName, `${Domain}:${string}`>>;
