import { channelNames, type ChannelName, type Handlers } from '#contract';
import { samples } from './samples';

/** Handlers that answer with each channel's sample output and count their calls. */
export function spyHandlers() {
  const calls = new Map<ChannelName, unknown[]>(channelNames.map((c) => [c, []]));
  const handlers = Object.fromEntries(
    channelNames.map((c) => [
      c,
      async (input: unknown) => {
        calls.get(c)?.push(input);
        return samples[c].output;
      },
    ]),
  ) as unknown as Handlers;
  const total = () => [...calls.values()].reduce((n, list) => n + list.length, 0);
  return { handlers, calls, total };
}
