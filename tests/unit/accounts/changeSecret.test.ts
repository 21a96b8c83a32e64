import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import type { TestCore } from '../../support/coreServices';
import { addAccount, isFinished, startJobCore, syncAccount, waitForJob } from '../../support/jobCore';

let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 97,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 300 }],
  });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  for (const core of cores.splice(0)) await core.services.close();
  emulator.control.reset();
});

const secretFile = (core: TestCore, accountId: string) => join(core.secretsDir, `${accountId}.secret`);

/** An account with a note on one follower and a finished move in its history. */
async function accountWithHistory() {
  const core = await startJobCore(emulator);
  cores.push(core);
  const accountId = await addAccount(core);
  const state = emulator.control.state();
  const openids = state.openids().slice(0, 40);
  const A = state.createTag('甲组', openids);
  const B = state.createTag('乙组');
  await syncAccount(core, accountId);
  const openid = openids[0] as string;
  await core.ok('followers:setNote', { accountId, openid, note: '每周三来店，喜欢拿铁' });
  const move = await core.ok('jobs:start', {
    accountId,
    kind: 'move',
    selection: { openids },
    from: A,
    to: B,
  });
  await waitForJob(core, accountId, move.id, isFinished);
  return { core, accountId, openid, moveId: move.id };
}

/** The app restarted (no token in memory) with whatever the secret store now holds. */
async function restart(core: TestCore): Promise<TestCore> {
  await core.services.close();
  cores.splice(cores.indexOf(core), 1);
  const again = await startJobCore(emulator, undefined, core);
  cores.push(again);
  return again;
}

describe('changing the AppSecret', () => {
  it('after a reset in WeChat: a wrong one is refused and not saved, the right one keeps notes and history', async () => {
    const first = await accountWithHistory();
    // The owner reset the AppSecret in the console: the saved one no longer works.
    writeFileSync(secretFile(first.core, first.accountId), 'c'.repeat(32));
    const core = await restart(first.core);
    const { accountId, openid, moveId } = first;
    const stale = await core.call('sync:start', { accountId });
    const status = stale.ok ? await waitForSyncEnd(core, accountId) : null;
    expect(status?.lastError?.code).toBe('INVALID_APPSECRET');

    const wrong = await core.call('accounts:changeSecret', { id: accountId, appSecret: 'd'.repeat(32) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_APPSECRET' } });
    expect(readFileSync(secretFile(core, accountId), 'utf8')).toBe('c'.repeat(32));
    const badFormat = await core.call('accounts:changeSecret', { id: accountId, appSecret: 'zz' });
    expect(badFormat).toMatchObject({ ok: false, error: { code: 'APPSECRET_FORMAT' } });

    const changed = await core.ok('accounts:changeSecret', {
      id: accountId,
      appSecret: ` ${DEFAULT_SECRET.toUpperCase()} `,
    });
    expect(changed).toMatchObject({
      id: accountId,
      appId: DEFAULT_APPID,
      capabilities: { userManagement: 'yes' },
    });
    expect(readFileSync(secretFile(core, accountId), 'utf8')).toBe(DEFAULT_SECRET);
    expect((await core.ok('followers:get', { accountId, openid })).note).toBe('每周三来店，喜欢拿铁');
    const jobs = (await core.ok('jobs:list', { accountId })).jobs;
    expect(jobs.find((j) => j.id === moveId)).toMatchObject({ status: 'done', canUndo: true });
    await syncAccount(core, accountId);
    expect((await core.ok('followers:get', { accountId, openid })).note).toBe('每周三来店，喜欢拿铁');
  });

  it('a missing saved secret says so in its own words and is fixed by entering it again', async () => {
    const first = await accountWithHistory();
    rmSync(secretFile(first.core, first.accountId));
    const core = await restart(first.core);
    const { accountId, openid } = first;
    await core.ok('sync:start', { accountId });
    const status = await waitForSyncEnd(core, accountId);
    expect(status.lastError).toMatchObject({
      code: 'SECRET_UNREADABLE',
      params: { accountId, reason: 'missing' },
    });

    await core.ok('accounts:changeSecret', { id: accountId, appSecret: DEFAULT_SECRET });
    await syncAccount(core, accountId);
    expect((await core.ok('followers:get', { accountId, openid })).note).toBe('每周三来店，喜欢拿铁');
  });

  it('the demo account has no AppSecret to change', async () => {
    const core = await startJobCore(emulator);
    cores.push(core);
    await core.ok('demo:open', {});
    const r = await core.call('accounts:changeSecret', { id: 'demo', appSecret: DEFAULT_SECRET });
    expect(r).toMatchObject({ ok: false, error: { code: 'DEMO_READ_ONLY' } });
  });
});

function waitForSyncEnd(core: TestCore, accountId: string) {
  return new Promise<{ lastError: { code: string; params: Record<string, unknown> } | null }>((resolve) => {
    const check = () =>
      void core.ok('sync:status', { accountId }).then((s) => {
        if (!s.running) {
          clearInterval(timer);
          resolve(s);
        }
      });
    const timer = setInterval(check, 20);
  });
}
