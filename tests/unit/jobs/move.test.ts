import { describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import type { ChannelRequest } from '#contract/channels';
import { expectCacheMatches } from '../../support/compareCache';
import {
  addAccount,
  isFinished,
  maxBatchBody,
  moveAllIn,
  syncAccount,
  TAGGING,
  tagSnapshot,
  UNTAGGING,
  waitForJob,
} from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(71, 6_000);

/**
 * A core with a synced account, and two tags on the emulator: A with 5 000 followers, B with 500,
 * 200 of whom are also in A.
 */
async function setup() {
  const core = await startCore();
  const accountId = await addAccount(core);
  const state = emulator.control.state();
  const openids = state.openids();
  const inA = openids.slice(0, 5_000);
  const A = state.createTag('甲组', inA);
  const B = state.createTag('乙组', openids.slice(4_800, 5_300));
  expect(state.tagMembers(A)).toHaveLength(5_000);
  await syncAccount(core, accountId);
  return { core, accountId, A, B, inA, openids };
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

describe('move', () => {
  it('moves 5 000 followers A→B exactly: 100 tag and 100 untag calls of ≤ 50, nobody else touched', async () => {
    const { core, accountId, A, B, inA } = await setup();
    const before = tagSnapshot(emulator);
    emulator.control.clearCalls();

    const started = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    expect(started).toMatchObject({ kind: 'move', total: 5_000, params: { from: A, to: B }, undoOf: null });
    const done = await waitForJob(core, accountId, started.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 5_000, failed: 0, skipped: 0, canUndo: true });
    expect(done.finishedAt).not.toBeNull();

    const tagCalls = emulator.control.calls({ path: TAGGING });
    const untagCalls = emulator.control.calls({ path: UNTAGGING });
    expect(tagCalls).toHaveLength(100);
    expect(untagCalls).toHaveLength(100);
    // The emulator refuses more than 50 (40032): every call succeeded, and none was bigger than 50 would be.
    const bound = maxBatchBody(emulator, 50);
    for (const c of [...tagCalls, ...untagCalls]) {
      expect(c.errcode).toBe(0);
      expect(c.bodyBytes).toBeLessThanOrEqual(bound);
    }

    const state = emulator.control.state();
    expect(state.tagMembers(A)).toEqual([]);
    const moved = new Set(inA);
    const after = tagSnapshot(emulator);
    for (const [openid, tags] of before) {
      const want = moved.has(openid) ? sorted(new Set([...tags.filter((t) => t !== A), B])) : tags;
      expect(after.get(openid), openid).toEqual(want);
    }
    await expectCacheMatches(core, emulator, accountId);
  });

  it('undo restores the exact before-state, including followers who had both tags; undo of the undo redoes it', async () => {
    const { core, accountId, A, B } = await setup();
    const before = tagSnapshot(emulator);
    const both = [...before].filter(([, tags]) => tags.includes(A) && tags.includes(B)).map(([o]) => o);
    expect(both).toHaveLength(200);
    const move = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    await waitForJob(core, accountId, move.id, isFinished);
    const afterMove = tagSnapshot(emulator);

    const undo = await core.ok('jobs:undo', { accountId, jobId: move.id });
    expect(undo).toMatchObject({ kind: 'move', undoOf: move.id, params: { from: B, to: A }, total: 5_000 });
    const undone = await waitForJob(core, accountId, undo.id, isFinished);
    expect(undone).toMatchObject({ status: 'done', succeeded: 5_000, failed: 0 });
    expect(tagSnapshot(emulator)).toEqual(before);
    for (const o of both)
      expect(emulator.control.state().follower(o)?.tagIds).toEqual(expect.arrayContaining([A, B]));
    await expectCacheMatches(core, emulator, accountId);

    const original = await core.ok('jobs:get', { accountId, jobId: move.id });
    expect(original).toMatchObject({ undoneBy: undo.id, canUndo: false });
    const again = await core.call('jobs:undo', { accountId, jobId: move.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const redo = await core.ok('jobs:undo', { accountId, jobId: undo.id });
    await waitForJob(core, accountId, redo.id, isFinished);
    expect(tagSnapshot(emulator)).toEqual(afterMove);
    await expectCacheMatches(core, emulator, accountId);

    const list = await core.ok('jobs:list', { accountId });
    expect(list.jobs.map((j) => j.id)).toEqual([redo.id, undo.id, move.id, expect.any(String)]);
    // The setup's sync is in the history too, oldest.
    expect(list.jobs.at(-1)).toMatchObject({ kind: 'sync', status: 'done', canUndo: false });
  });

  it('adds with an openid selection (skipping followers already there) and removes with a query minus unticked ones', async () => {
    const { core, accountId, A, B, openids } = await setup();
    // 100 of these are already in B.
    const chosen = openids.slice(5_200, 5_600);
    const add = await core.ok('jobs:start', {
      accountId,
      kind: 'add',
      selection: { openids: chosen },
      to: B,
    });
    expect(add).toMatchObject({ total: 400, skipped: 100 });
    expect(await waitForJob(core, accountId, add.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 300,
      skipped: 100,
    });
    const members = new Set(emulator.control.state().tagMembers(B));
    for (const o of chosen) expect(members.has(o)).toBe(true);

    // Everyone in both tags, minus ten the user unticked.
    const unticked = openids.slice(4_800, 4_810);
    const remove = await core.ok('jobs:start', {
      accountId,
      kind: 'remove',
      selection: { query: { groups: { mode: 'all', ids: [A, B] } }, except: unticked },
      from: A,
    });
    expect(remove.total).toBe(190);
    await waitForJob(core, accountId, remove.id, isFinished);
    const state = emulator.control.state();
    expect(state.tagMembers(A)).toHaveLength(4_810);
    expect(state.tagMembers(A)).toEqual(expect.arrayContaining(unticked));
    expect(state.tagMembers(B)).toHaveLength(800);
    await expectCacheMatches(core, emulator, accountId);
    expect(await core.ok('jobs:failures', { accountId, jobId: remove.id })).toEqual({
      failures: [],
      total: 0,
    });
  });

  it('pauses, resumes and cancels; a cancelled job can be undone', async () => {
    const { core, accountId, A, B, inA } = await setup();
    const before = tagSnapshot(emulator);
    emulator.control.addFault({ kind: 'latency', ms: 4, path: TAGGING });
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 500);
    const paused = await core.ok('jobs:pause', { accountId, jobId: job.id });
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'user' });
    await new Promise((r) => setTimeout(r, 100));
    const still = await core.ok('jobs:get', { accountId, jobId: job.id });
    await new Promise((r) => setTimeout(r, 100));
    expect((await core.ok('jobs:get', { accountId, jobId: job.id })).succeeded).toBe(still.succeeded);
    expect(still.status).toBe('paused');

    await core.ok('jobs:resume', { accountId, jobId: job.id });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= still.succeeded + 500);
    const cancelled = await core.ok('jobs:cancel', { accountId, jobId: job.id });
    expect(cancelled.status).toBe('cancelled');
    const end = await waitForJob(core, accountId, job.id, (j) => j.finishedAt !== null);
    expect(end.succeeded + end.failed + end.skipped).toBe(5_000);
    expect(end.skipped).toBeGreaterThan(0);
    expect(end.canUndo).toBe(true);
    expect(await core.call('jobs:resume', { accountId, jobId: job.id })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });

    emulator.control.clearFaults();
    const undo = await core.ok('jobs:undo', { accountId, jobId: job.id });
    expect(undo.total).toBe(end.succeeded);
    await waitForJob(core, accountId, undo.id, isFinished);
    expect(tagSnapshot(emulator)).toEqual(before);
    await expectCacheMatches(core, emulator, accountId);
  });
});

describe('several jobs', () => {
  it('run side by side on the same followers and both land exactly', async () => {
    const { core, accountId, A, B, inA } = await setup();
    const state = emulator.control.state();
    const C = state.createTag('丙组');
    await syncAccount(core, accountId);
    await core.ok('settings:set', { jobConcurrency: 4 });
    emulator.control.addFault({ kind: 'latency', ms: 2 });
    const chosen = inA.slice(0, 1_000);
    const [move, add] = await Promise.all([
      core.ok('jobs:start', { accountId, kind: 'move', selection: { openids: chosen }, from: A, to: B }),
      core.ok('jobs:start', { accountId, kind: 'add', selection: { openids: chosen }, to: C }),
    ]);
    for (const job of [move, add]) {
      expect(await waitForJob(core, accountId, job.id, isFinished)).toMatchObject({
        status: 'done',
        succeeded: 1_000,
      });
    }
    const inB = new Set(state.tagMembers(B));
    const inC = new Set(state.tagMembers(C));
    const stillA = new Set(state.tagMembers(A));
    for (const o of chosen) expect([inB.has(o), inC.has(o), stillA.has(o)], o).toEqual([true, true, false]);
    emulator.control.clearFaults();
    await expectCacheMatches(core, emulator, accountId);
  });
});

describe('jobs:start input', () => {
  it('refuses what does not fit the kind (BAD_INPUT), unknown groups (NOT_FOUND) and reserved ones', async () => {
    const core = await startCore();
    const accountId = await addAccount(core);
    await syncAccount(core, accountId);
    const groups = (await core.ok('groups:list', { accountId })).groups.filter((g) => !g.system);
    const [g1, g2] = groups.map((g) => g.id) as [number, number];
    const sel = { openids: emulator.control.state().openids().slice(0, 3) };
    type Start = ChannelRequest<'jobs:start'>;
    const bad: Start[] = [
      { accountId, kind: 'move', selection: sel, to: g2 },
      { accountId, kind: 'move', selection: sel, from: g1 },
      { accountId, kind: 'move', selection: sel, from: g1, to: g1 },
      { accountId, kind: 'move', from: g1, to: g2 },
      { accountId, kind: 'add', selection: sel },
      { accountId, kind: 'add', selection: sel, to: g1, from: g2 },
      { accountId, kind: 'remove', selection: sel },
      { accountId, kind: 'remove', selection: sel, from: g1, groupId: g1 },
      { accountId, kind: 'blacklist', selection: sel, to: g1 },
      { accountId, kind: 'unblacklist' },
      { accountId, kind: 'deleteGroup' },
      { accountId, kind: 'deleteGroup', groupId: g1, selection: sel },
      { accountId, kind: 'blacklist', selection: { openids: [] } },
      {
        accountId,
        kind: 'blacklist',
        selection: { openids: Array.from({ length: 100_001 }, (_, i) => `o${i}`) },
      },
    ];
    for (const input of bad) {
      const r = await core.call('jobs:start', input);
      expect(r, JSON.stringify(input).slice(0, 200)).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
    }
    expect(
      await core.call('jobs:start', { accountId, kind: 'add', selection: sel, to: 99_999 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', params: { what: 'group', id: 99_999 } },
    });
    expect(
      await core.call('jobs:start', { accountId, kind: 'deleteGroup', groupId: RESERVED_GROUP.starred }),
    ).toMatchObject({
      ok: false,
      error: { code: 'TAG_RESERVED' },
    });
    expect(await core.call('jobs:get', { accountId, jobId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Nothing was queued: the only job is the setup's sync.
    expect((await core.ok('jobs:list', { accountId })).jobs.map((j) => j.kind)).toEqual(['sync']);
  });
});
