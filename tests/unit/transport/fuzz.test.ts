import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '#contract';
import { dispatch } from '../../../electron/core/transport';
import { spyHandlers } from './spies';
import { malformedPayload, random, randomValue } from './fuzz';

const perChannel = 1_000;

describe('fuzz: malformed payloads through the dispatcher', () => {
  it(`answers ${perChannel} malformed payloads per channel with BAD_INPUT and never reaches a handler`, async () => {
    const spy = spyHandlers();
    const counts: Record<string, Record<string, number>> = {};
    for (const [index, channel] of channelNames.entries()) {
      const rng = random(1_000 + index);
      const byStrategy: Record<string, number> = {};
      for (let i = 0; i < perChannel; i++) {
        const { strategy, payload } = malformedPayload(channel, rng);
        // The generator's promise: the schema itself rejects it (or it is not a plain object).
        const result = await dispatch(spy.handlers, channel, payload);
        if (result.ok || result.error.code !== 'BAD_INPUT')
          throw new Error(`${channel} #${i} (${strategy}) was not BAD_INPUT: ${String(result.ok)}`);
        byStrategy[strategy] = (byStrategy[strategy] ?? 0) + 1;
      }
      counts[channel] = byStrategy;
    }
    expect(spy.total()).toBe(0);

    // Unknown channel names, with random payloads.
    const rng = random(7);
    let unknown = 0;
    for (let i = 0; i < perChannel; i++) {
      let channel = randomValue(rng);
      if (typeof channel === 'string' && Object.hasOwn(channels, channel)) channel = `${channel}!`;
      const result = await dispatch(spy.handlers, channel, randomValue(rng));
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      unknown++;
    }
    expect(spy.total()).toBe(0);

    const total = Object.values(counts).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    console.log(
      `[fuzz] dispatcher: ${total} malformed payloads over ${channelNames.length} channels + ${unknown} unknown-channel ` +
        `calls → all BAD_INPUT, 0 handler calls\n` +
        Object.entries(counts)
          .map(([c, s]) => `  ${c}: ${JSON.stringify(s)}`)
          .join('\n'),
    );
  });

  it('still serves valid traffic after the fuzz (sanity: the spies do work)', async () => {
    const spy = spyHandlers();
    const result = await dispatch(spy.handlers, 'app:info', {});
    expect(result.ok).toBe(true);
    expect(spy.total()).toBe(1);
  });
});
