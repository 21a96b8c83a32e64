import { closeSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import type { TestCore } from '../../support/coreServices';
import { addAccount, isFinished, startJobCore, syncAccount, waitForJob } from '../../support/jobCore';

let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 101,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 3_000 }],
  });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  for (const core of cores.splice(0)) await core.services.close();
  emulator.control.reset();
});

const NOTES = ['每周三来店，喜欢拿铁', '住 3 号楼，常买鸡蛋', '会员卡 0042'];

/** A synced account with three local notes and a finished move, closed as the app closes. */
async function accountThenClosed() {
  const core = await startJobCore(emulator);
  const accountId = await addAccount(core);
  const state = emulator.control.state();
  const inA = state.openids().slice(0, 500);
  const A = state.createTag('甲组', inA);
  const B = state.createTag('乙组');
  await syncAccount(core, accountId);
  const noted = inA.slice(0, 3);
  for (const [i, openid] of noted.entries())
    await core.ok('followers:setNote', { accountId, openid, note: NOTES[i] ?? '' });
  const move = await core.ok('jobs:start', {
    accountId,
    kind: 'move',
    selection: { openids: inA },
    from: A,
    to: B,
  });
  await waitForJob(core, accountId, move.id, isFinished);
  await core.services.close();
  return { core, accountId, noted, moveId: move.id, inA, A, B };
}

async function reopen(core: TestCore): Promise<TestCore> {
  const again = await startJobCore(emulator, undefined, core);
  cores.push(again);
  return again;
}

const cacheFile = (core: TestCore, accountId: string) =>
  join(core.dataDir, 'accounts', accountId, 'cache.sqlite');

describe('a damaged cache is rebuilt without losing what exists nowhere else', () => {
  it('a truncated cache keeps its local notes, and says what it got back', async () => {
    const { core, accountId, noted } = await accountThenClosed();
    const file = cacheFile(core, accountId);
    truncateSync(file, Math.floor(statSync(file).size * 0.3));

    const again = await reopen(core);
    const status = await again.ok('sync:status', { accountId });
    expect(status).toMatchObject({
      needsFullSync: true,
      recovery: { reason: 'corrupt', notes: 3, complete: false },
    });
    // Before any sync: the notes are there (and found by search).
    for (const [i, openid] of noted.entries())
      expect((await again.ok('followers:get', { accountId, openid })).note).toBe(NOTES[i]);
    const found = await again.ok('followers:query', { accountId, query: { text: '拿铁' } });
    expect(found.rows.map((r) => r.openid)).toEqual([noted[0]]);

    await syncAccount(again, accountId);
    for (const [i, openid] of noted.entries()) {
      const row = await again.ok('followers:get', { accountId, openid });
      expect(row).toMatchObject({ note: NOTES[i], subscribed: true });
      expect(row.subscribeTime).not.toBeNull();
    }
    // Told until the owner dismisses it.
    expect((await again.ok('sync:status', { accountId })).recovery).toMatchObject({ notes: 3 });
    expect((await again.ok('sync:dismissRecovery', { accountId })).recovery).toBeNull();
    expect((await again.ok('sync:status', { accountId })).recovery).toBeNull();
  });

  it('a garbled page: notes and the job history come back, and the move can still be undone', async () => {
    const { core, accountId, noted, moveId, inA, A, B } = await accountThenClosed();
    const file = cacheFile(core, accountId);
    // Garble the page of an index: quick_check fails, the tables themselves still read.
    const raw = new DatabaseSync(file, { readOnly: true });
    const pageSize = Number(raw.prepare('PRAGMA page_size').get()?.page_size);
    const root = Number(
      raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'follower_groups_by_group'").get()
        ?.rootpage,
    );
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    expect(
      readFileSync(file)
        .subarray((root - 1) * pageSize, root * pageSize)
        .every((b) => b === 0xa5),
    ).toBe(true);

    const again = await reopen(core);
    const status = await again.ok('sync:status', { accountId });
    // The first sync's record and the move.
    expect(status.recovery).toMatchObject({ reason: 'corrupt', notes: 3, jobs: 2 });
    const jobs = (await again.ok('jobs:list', { accountId })).jobs;
    expect(jobs.find((j) => j.id === moveId)).toMatchObject({
      status: 'done',
      succeeded: 500,
      canUndo: true,
    });
    expect((await again.ok('followers:get', { accountId, openid: noted[1] as string })).note).toBe(NOTES[1]);

    await syncAccount(again, accountId);
    const undo = await again.ok('jobs:undo', { accountId, jobId: moveId });
    await waitForJob(again, accountId, undo.id, isFinished);
    expect(emulator.control.state().tagMembers(B)).toEqual([]);
    expect(emulator.control.state().tagMembers(A).sort()).toEqual([...inA].sort());
  });
});
