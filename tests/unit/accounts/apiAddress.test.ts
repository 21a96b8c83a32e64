import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPrivateApiAddress } from '#contract/accounts';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';

let emulator: Emulator;
let core: TestCore;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 7 });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  emulator.control.clearCalls();
  core = await startTestCore(emulator);
});
afterEach(async () => core.services.close());

const insecure = { mode: 'custom-base', baseUrl: 'http://192.168.1.20:8080' } as const;

describe('a custom API address never carries the AppSecret in clear text', () => {
  it('https anywhere, plain http only to this computer', () => {
    for (const ok of [
      'https://wx-relay.example.com',
      'https://10.0.0.5:8443/base',
      'http://127.0.0.1:8080',
      'http://127.9.9.9',
      'http://localhost:3000',
      'http://LOCALHOST',
      'http://[::1]:8080',
    ])
      expect(isPrivateApiAddress(ok), ok).toBe(true);
    for (const bad of [
      'http://192.168.1.20:8080',
      'http://wx-relay.example.com',
      'http://127.0.0.1.example.com',
      'http://localhost.example.com',
      'http://[::2]',
      'ftp://127.0.0.1',
      'not a url',
    ])
      expect(isPrivateApiAddress(bad), bad).toBe(false);
  });

  it('testing, adding and reconfiguring with http:// to another computer are refused, before any call', async () => {
    const tested = await core.call('accounts:test', {
      appId: DEFAULT_APPID,
      appSecret: DEFAULT_SECRET,
      network: insecure,
    });
    expect(tested).toMatchObject({
      ok: false,
      error: { code: 'API_ADDRESS_INSECURE', params: { field: 'baseUrl' } },
    });
    const added = await core.call('accounts:add', {
      appId: DEFAULT_APPID,
      appSecret: DEFAULT_SECRET,
      network: insecure,
    });
    expect(added).toMatchObject({ ok: false, error: { code: 'API_ADDRESS_INSECURE' } });
    expect(emulator.control.calls()).toHaveLength(0);
    expect((await core.ok('accounts:list', {})).accounts).toEqual([]);

    const account = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    const configured = await core.call('accounts:configure', { id: account.id, network: insecure });
    expect(configured).toMatchObject({ ok: false, error: { code: 'API_ADDRESS_INSECURE' } });
    const secure = { mode: 'custom-base', baseUrl: 'https://wx-relay.example.com' } as const;
    expect(await core.ok('accounts:configure', { id: account.id, network: secure })).toMatchObject({
      network: secure,
    });
  });

  it('the emulator on 127.0.0.1 over http is accepted', async () => {
    const tested = await core.call('accounts:test', {
      appId: DEFAULT_APPID,
      appSecret: DEFAULT_SECRET,
      network: { mode: 'custom-base', baseUrl: emulator.url },
    });
    expect(tested.ok).toBe(true);
  });
});
