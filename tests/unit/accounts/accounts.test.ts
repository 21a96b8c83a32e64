import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';

const UNVERIFIED = { appid: 'wx00000000000000bb', secret: 'b'.repeat(32) };
let emulator: Emulator;
let core: TestCore;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 5 });
  emulator.control.addApp({ ...UNVERIFIED, kind: 'unverified', followers: 5 });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  emulator.control.clearCalls();
  core = await startTestCore(emulator);
});
afterEach(async () => {
  emulator.control.configure({
    ipWhitelist: { enabled: false, seenIp: '1.2.3.4', scope: 'token', variant: 'ipv6', allowed: [] },
  });
  await core.services.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('adding an account', () => {
  it('checks the AppID and AppSecret formats before calling WeChat, naming the field', async () => {
    const badId = await core.call('accounts:add', { appId: 'wx123', appSecret: DEFAULT_SECRET });
    expect(badId).toMatchObject({ ok: false, error: { code: 'APPID_FORMAT', params: { field: 'appId' } } });
    const badSecret = await core.call('accounts:add', { appId: DEFAULT_APPID, appSecret: 'zz' });
    expect(badSecret).toMatchObject({
      ok: false,
      error: { code: 'APPSECRET_FORMAT', params: { field: 'appSecret' } },
    });
    expect(emulator.control.calls()).toHaveLength(0);
  });

  it('accepts pasted credentials with spaces and capitals', async () => {
    const account = await core.ok('accounts:add', {
      appId: ` ${DEFAULT_APPID.toUpperCase()} `,
      appSecret: `${DEFAULT_SECRET.slice(0, 16)}\n${DEFAULT_SECRET.slice(16)}`,
    });
    expect(account.appId).toBe(DEFAULT_APPID);
  });

  it('tests the connection, probes the account and saves it as the default', async () => {
    const account = await core.ok('accounts:add', {
      name: '小店',
      appId: DEFAULT_APPID,
      appSecret: DEFAULT_SECRET,
    });
    expect(account).toMatchObject({
      name: '小店',
      appId: DEFAULT_APPID,
      isDemo: false,
      groupApi: 'tags',
      capabilities: { userManagement: 'yes', remarks: 'unknown' },
    });
    expect(emulator.control.calls().map((c) => c.path)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/tags/get',
    ]);
    const list = await core.ok('accounts:list', {});
    expect(list.accounts.map((a) => a.id)).toEqual([account.id]);
    expect(list.defaultId).toBe(account.id);
    expect(JSON.stringify(list)).not.toContain(DEFAULT_SECRET);
  });

  it('refuses an unverified account and says why, saving nothing', async () => {
    const tested = await core.ok('accounts:test', { appId: UNVERIFIED.appid, appSecret: UNVERIFIED.secret });
    expect(tested.capabilities.userManagement).toBe('no');
    const added = await core.call('accounts:add', { appId: UNVERIFIED.appid, appSecret: UNVERIFIED.secret });
    expect(added).toMatchObject({ ok: false, error: { code: 'API_UNAUTHORIZED' } });
    expect((await core.ok('accounts:list', {})).accounts).toHaveLength(0);
  });

  it('maps a wrong AppSecret to INVALID_APPSECRET', async () => {
    const r = await core.call('accounts:test', { appId: DEFAULT_APPID, appSecret: 'c'.repeat(32) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_APPSECRET', wechat: { errcode: 40125 } } });
  });

  it('shows the IP WeChat saw when it is not whitelisted, and succeeds once it is', async () => {
    const whitelist = {
      enabled: true,
      seenIp: '203.0.113.7',
      scope: 'token' as const,
      variant: 'ipv6' as const,
    };
    emulator.control.configure({ ipWhitelist: { ...whitelist, allowed: [] } });
    const r = await core.call('accounts:test', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'IP_NOT_WHITELISTED', params: { ip: '203.0.113.7' } },
    });
    emulator.control.configure({ ipWhitelist: { ...whitelist, allowed: ['203.0.113.7'] } });
    const again = await core.call('accounts:test', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    expect(again.ok).toBe(true);
  });

  it('does not add the same AppID twice', async () => {
    await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    const again = await core.call('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    expect(again).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXISTS' } });
  });
});

describe('managing accounts', () => {
  it('renames, reconfigures and removes an account with its secret and cache', async () => {
    const account = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    expect((await core.ok('accounts:rename', { id: account.id, name: '  新名字 ' })).name).toBe('新名字');
    const configured = await core.ok('accounts:configure', { id: account.id, groupApi: 'groups' });
    expect(configured.groupApi).toBe('groups');
    expect(existsSync(join(core.secretsDir, `${account.id}.secret`))).toBe(true);

    await core.ok('accounts:remove', { id: account.id });
    expect((await core.ok('accounts:list', {})).accounts).toEqual([]);
    expect(existsSync(join(core.secretsDir, `${account.id}.secret`))).toBe(false);
    expect(existsSync(join(core.dataDir, 'accounts', account.id))).toBe(false);
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const r = await core.call('accounts:rename', { id: 'nope', name: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the AppSecret and tokens out of every file in the data folder and out of the log', async () => {
    await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    await core.call('accounts:test', { appId: DEFAULT_APPID, appSecret: 'c'.repeat(32) });
    const res = await fetch(`${emulator.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    const files = filesUnder(core.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain(DEFAULT_SECRET);
      expect(text, file).not.toContain(access_token);
    }
    const log = core.log.lines.join('\n');
    expect(log).not.toContain(DEFAULT_SECRET);
    expect(log).not.toContain(access_token);
  });
});

describe('the demo account', () => {
  it('opens with its own emulator, is marked as demo, and can be reset', async () => {
    const demo = await core.ok('demo:open', {});
    expect(demo).toMatchObject({ id: 'demo', isDemo: true, capabilities: { userManagement: 'yes' } });
    const list = await core.ok('accounts:list', {});
    expect(list.accounts.filter((a) => a.isDemo)).toHaveLength(1);
    // Opening again does not add a second demo.
    await core.ok('demo:open', {});
    expect((await core.ok('accounts:list', {})).accounts).toHaveLength(1);
    expect((await core.ok('demo:reset', {})).id).toBe('demo');
    // The demo's emulator is its own: the test emulator saw none of it.
    expect(emulator.control.calls()).toHaveLength(0);
  });
});
