import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  channelNames,
  channels,
  createWxgApi,
  eventNames,
  events,
  methodName,
  type ChannelOutput,
  type Result,
  type WxgApi,
} from '#contract';
import { samples } from './samples';

describe('contract', () => {
  it('builds window.wxg with exactly one method per channel, plus on()', async () => {
    const calls: [string, unknown][] = [];
    const api = createWxgApi({
      invoke: async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, data: null };
      },
      subscribe: () => () => {},
    });
    expect(Object.keys(api).sort()).toEqual([...channelNames.map((c) => methodName(c)), 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.accountsSetDefault({ id: 'a' });
    await api.appInfo();
    expect(calls).toEqual([
      ['accounts:setDefault', { id: 'a' }],
      ['app:info', {}],
    ]);
    expect(() => api.on('nope' as never, () => {})).toThrow(/Unknown event/);
    expect(typeof api.on('accounts:changed', () => {})).toBe('function');
  });

  it('names every channel domain:verb and maps it to a unique camelCase method', () => {
    const methods = channelNames.map((c) => methodName(c));
    for (const c of channelNames) expect(c).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    for (const m of methods) expect(m).toMatch(/^[a-z][A-Za-z]*$/);
    expect(new Set(methods).size).toBe(methods.length);
    expect(methods).not.toContain('on');
    expect(methodName('accounts:setDefault')).toBe('accountsSetDefault');
    expect(methodName('app:info')).toBe('appInfo');
  });

  it.each(channelNames)('%s: sample inputs and output round-trip through the schemas', (channel) => {
    const { inputs, output } = samples[channel];
    for (const input of inputs) expect(channels[channel].input.parse(input)).toEqual(input);
    expect(channels[channel].output.parse(output)).toEqual(output);
    // And through JSON, as the browser host carries them.
    expect(channels[channel].output.parse(JSON.parse(JSON.stringify(output)))).toEqual(output);
  });

  it('rejects unknown keys in inputs, also nested ones', () => {
    expect(channels['accounts:remove'].input.safeParse({ id: 'a', extra: 1 }).success).toBe(false);
    expect(
      channels['accounts:configure'].input.safeParse({
        id: 'a',
        network: { mode: 'direct', proxyUrl: 'http://x' },
      }).success,
    ).toBe(false);
    expect(channels['settings:set'].input.safeParse({ fontSize: 3 }).success).toBe(false);
  });

  it('bounds lengths and URL schemes', () => {
    const add = channels['accounts:add'].input;
    const ok = { appId: 'wx0123456789abcdef', appSecret: 'a'.repeat(32) };
    expect(add.safeParse({ ...ok, name: 'n'.repeat(40) }).success).toBe(true);
    expect(add.safeParse({ ...ok, name: 'n'.repeat(41) }).success).toBe(false);
    expect(add.safeParse({ ...ok, name: '   ' }).success).toBe(false);
    expect(add.safeParse({ ...ok, appSecret: 'a'.repeat(65) }).success).toBe(false);
    for (const proxyUrl of ['socks5://127.0.0.1:1080', 'javascript:alert(1)', 'file:///etc/passwd', 'nope'])
      expect(add.safeParse({ ...ok, network: { mode: 'proxy', proxyUrl } }).success).toBe(false);
    expect(channels['settings:set'].input.safeParse({ syncConcurrency: 9 }).success).toBe(false);
    expect(channels['settings:set'].input.safeParse({ jobConcurrency: 1.5 }).success).toBe(false);
  });

  it('drops keys an output schema does not name (a stray secret never crosses)', () => {
    const leaked = { ...samples['accounts:add'].output, appSecret: 'x'.repeat(32) };
    expect(channels['accounts:add'].output.parse(leaked)).not.toHaveProperty('appSecret');
  });

  it('validates event payloads', () => {
    expect(eventNames).toEqual(expect.arrayContaining(['accounts:changed', 'net:status']));
    expect(events['net:status'].safeParse({ accountId: 'a', online: false, since: 1 }).success).toBe(true);
    expect(events['net:status'].safeParse({ accountId: 'a' }).success).toBe(false);
  });

  it('types window.wxg from the channel list', () => {
    expectTypeOf<WxgApi['accountsList']>().toEqualTypeOf<
      (input?: Record<string, never>) => Promise<Result<ChannelOutput<'accounts:list'>>>
    >();
    expectTypeOf<Parameters<WxgApi['accountsRemove']>>().toEqualTypeOf<[input: { id: string }]>();
    expectTypeOf<Parameters<WxgApi['settingsSet']>[0]>().toEqualTypeOf<
      Partial<ChannelOutput<'settings:get'>> | undefined
    >();
    expectTypeOf<'appInfo' | 'accountsSetDefault' | 'settingsSet' | 'demoOpen' | 'on'>().toExtend<
      keyof WxgApi
    >();
    expectTypeOf<'invoke' extends keyof WxgApi ? true : false>().toEqualTypeOf<false>();
  });
});
