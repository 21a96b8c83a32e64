import { describe, expect, it } from 'vitest';
import { allCached, expectCacheMatches } from '../../support/compareCache';
import type { TestCore } from '../../support/coreServices';
import {
  addAccount,
  BATCHUPDATE,
  BLACKLIST,
  isFinished,
  maxBatchBody,
  moveAllIn,
  syncAccount,
  TAGGING,
  UNBLACKLIST,
  UNTAGGING,
  waitForJob,
} from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(74, 2_500);

async function synced(groupApi: 'tags' | 'groups') {
  const core = await startCore();
  const accountId = await addAccount(core, groupApi);
  await syncAccount(core, accountId);
  return { core, accountId };
}

/** The cache's legacy group of every follower and its group counts equal the emulator's. */
async function expectLegacyCacheMatches(core: TestCore, accountId: string) {
  const state = emulator.control.state();
  const rows = await allCached(core, accountId);
  const wrong = rows.filter(
    (r) => JSON.stringify(r.groupIds) !== JSON.stringify([state.follower(r.openid)?.groupId]),
  );
  expect(wrong.slice(0, 3)).toEqual([]);
  const cached = (await core.ok('groups:list', { accountId })).groups;
  for (const g of state.legacyGroups()) {
    expect(
      cached.find((c) => c.id === g.id),
      `group ${g.id}`,
    ).toMatchObject({ count: g.count });
  }
}

describe('legacy groups API (2014)', () => {
  it('moves through groups/members/batchupdate, undoes, and deletes a group', async () => {
    const { core, accountId } = await synced('groups');
    const X = (await core.ok('groups:create', { accountId, name: '华东' })).id;
    const Y = (await core.ok('groups:create', { accountId, name: '华南' })).id;
    const state = emulator.control.state();
    const chosen = state.openids().slice(0, 1_000);
    const before = new Map(chosen.map((o) => [o, state.follower(o)?.groupId]));

    emulator.control.clearCalls();
    const add = await core.ok('jobs:start', {
      accountId,
      kind: 'add',
      selection: { openids: chosen },
      to: X,
    });
    expect(await waitForJob(core, accountId, add.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 1_000,
    });
    for (const o of chosen) expect(state.follower(o)?.groupId).toBe(X);

    const move = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { query: { groups: { mode: 'any', ids: [X] } } },
      from: X,
      to: Y,
    });
    expect(move.total).toBe(1_000);
    expect(await waitForJob(core, accountId, move.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 1_000,
    });
    for (const o of chosen) expect(state.follower(o)?.groupId).toBe(Y);
    // 20 calls of 50 for each job; tags were never touched.
    const calls = emulator.control.calls({ path: BATCHUPDATE });
    expect(calls).toHaveLength(40);
    for (const c of calls) {
      expect(c.errcode).toBe(0);
      expect(c.bodyBytes).toBeLessThanOrEqual(maxBatchBody(emulator, 50, { to_groupid: 2 ** 31 }));
    }
    expect(emulator.control.calls({ path: TAGGING })).toEqual([]);
    await expectLegacyCacheMatches(core, accountId);

    // Undo of the move: back into X; undo of the add: back where each was before.
    const undoMove = await core.ok('jobs:undo', { accountId, jobId: move.id });
    await waitForJob(core, accountId, undoMove.id, isFinished);
    for (const o of chosen) expect(state.follower(o)?.groupId).toBe(X);
    const removeSome = await core.ok('jobs:start', {
      accountId,
      kind: 'remove',
      selection: { openids: chosen.slice(0, 100) },
      from: X,
    });
    await waitForJob(core, accountId, removeSome.id, isFinished);
    for (const o of chosen.slice(0, 100)) expect(state.follower(o)?.groupId).toBe(0);
    const undoAdd = await core.ok('jobs:undo', { accountId, jobId: add.id });
    await waitForJob(core, accountId, undoAdd.id, isFinished);
    for (const o of chosen.slice(100)) expect(state.follower(o)?.groupId).toBe(before.get(o));
    await expectLegacyCacheMatches(core, accountId);

    // Deleting a legacy group: WeChat moves its members back to 未分组 itself.
    const refill = await core.ok('jobs:start', {
      accountId,
      kind: 'add',
      selection: { openids: chosen },
      to: Y,
    });
    await waitForJob(core, accountId, refill.id, isFinished);
    const del = await core.ok('jobs:start', { accountId, kind: 'deleteGroup', groupId: Y });
    expect(del.total).toBe(0);
    expect(await waitForJob(core, accountId, del.id, isFinished)).toMatchObject({
      status: 'done',
      canUndo: false,
    });
    expect(state.legacyGroups().some((g) => g.id === Y)).toBe(false);
    for (const o of chosen) expect(state.follower(o)?.groupId).toBe(0);
    expect((await core.ok('groups:list', { accountId })).groups.some((g) => g.id === Y)).toBe(false);
    await expectLegacyCacheMatches(core, accountId);
  });
});

describe('blacklist', () => {
  it('blacklists and unblacklists in chunks of 20, with the cache’s flags; undo puts them back', async () => {
    const { core, accountId } = await synced('tags');
    const state = emulator.control.state();
    const seeded = state.blacklist();
    const chosen = state
      .openids()
      .filter((o) => !seeded.includes(o))
      .slice(0, 205);
    emulator.control.clearCalls();
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'blacklist',
      selection: { openids: [...chosen, ...seeded.slice(0, 1)] },
    });
    expect(job).toMatchObject({ total: seeded.length > 0 ? 206 : 205, skipped: seeded.length > 0 ? 1 : 0 });
    expect(await waitForJob(core, accountId, job.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 205,
    });
    const calls = emulator.control.calls({ path: BLACKLIST });
    expect(calls).toHaveLength(11);
    for (const c of calls) {
      expect(c.errcode).toBe(0);
      expect(c.bodyBytes).toBeLessThanOrEqual(maxBatchBody(emulator, 20, {}));
    }
    expect(new Set(state.blacklist())).toEqual(new Set([...seeded, ...chosen]));
    expect((await core.ok('followers:get', { accountId, openid: chosen[0] as string })).blacklisted).toBe(
      true,
    );
    await expectCacheMatches(core, emulator, accountId);

    const all = await core.ok('jobs:start', {
      accountId,
      kind: 'unblacklist',
      selection: { query: { blacklisted: true } },
    });
    expect(all.total).toBe(seeded.length + 205);
    await waitForJob(core, accountId, all.id, isFinished);
    expect(emulator.control.calls({ path: UNBLACKLIST })).toHaveLength(Math.ceil(all.total / 20));
    expect(state.blacklist()).toEqual([]);
    expect((await core.ok('groups:list', { accountId })).blacklisted).toBe(0);

    const undo = await core.ok('jobs:undo', { accountId, jobId: all.id });
    expect(undo.kind).toBe('blacklist');
    await waitForJob(core, accountId, undo.id, isFinished);
    expect(new Set(state.blacklist())).toEqual(new Set([...seeded, ...chosen]));
    await expectCacheMatches(core, emulator, accountId);
  });
});

describe('deleting a big tag', () => {
  it('untags every member in chunks, then deletes the tag (which WeChat refuses while it is big)', async () => {
    emulator.control.configure({ tagDeleteMaxFans: 100 });
    const { core, accountId } = await synced('tags');
    const state = emulator.control.state();
    const members = state.openids().slice(0, 300);
    const big = state.createTag('大组', members);
    await syncAccount(core, accountId);
    const direct = await core.call('groups:delete', { accountId, id: big });
    expect(direct).toMatchObject({ ok: false, error: { code: 'TAG_TOO_MANY_FANS' } });

    emulator.control.clearCalls();
    const job = await core.ok('jobs:start', { accountId, kind: 'deleteGroup', groupId: big });
    expect(job).toMatchObject({ total: 300, params: { groupId: big }, canUndo: false });
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 300, canUndo: false });
    expect(emulator.control.calls({ path: UNTAGGING })).toHaveLength(6);
    expect(emulator.control.calls({ path: '/cgi-bin/tags/delete' }).map((c) => c.errcode)).toEqual([0]);
    expect(state.tags().some((t) => t.id === big)).toBe(false);
    expect((await core.ok('groups:list', { accountId })).groups.some((g) => g.id === big)).toBe(false);
    expect(await core.call('jobs:undo', { accountId, jobId: job.id })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    await expectCacheMatches(core, emulator, accountId);
  });

  it('fails with the reason when the target group was deleted on WeChat meanwhile', async () => {
    const { core, accountId } = await synced('tags');
    const state = emulator.control.state();
    const A = state.createTag('甲组', state.openids().slice(0, 200));
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    // Deleted in the console (or on the owner's phone): the cache still lists it.
    state.deleteTag(B);
    const job = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    const failed = await waitForJob(core, accountId, job.id, isFinished);
    expect(failed).toMatchObject({ status: 'failed', lastError: { code: 'TAG_NOT_FOUND' } });
    expect(failed.finishedAt).not.toBeNull();
    // 45159 was asked again a few times before it was believed, and nobody left A for nowhere.
    expect(
      emulator.control.calls({ path: TAGGING }).filter((c) => c.errcode === 45159).length,
    ).toBeGreaterThan(1);
    expect(emulator.control.state().tagMembers(A)).toHaveLength(200);
  });

  it('when the target tag is deleted after the first chunks landed: fails naming it, records what landed, leaves the rest untouched', async () => {
    const { core, accountId } = await synced('tags');
    const state = emulator.control.state();
    const members = state.openids().slice(0, 600);
    const A = state.createTag('甲组', members);
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    // Slow tagging calls, so the deletion below falls between chunks, not after the last one.
    emulator.control.addFault({ kind: 'latency', ms: 40, path: TAGGING });
    const landed = () => emulator.control.calls({ path: TAGGING }).filter((c) => c.errcode === 0).length;
    const deleted = new Promise<number>((resolve) => {
      const timer = setInterval(() => {
        if (landed() < 2) return;
        clearInterval(timer);
        // Deleted in the console while the job runs.
        state.deleteTag(B);
        resolve(landed());
      }, 1);
    });
    const job = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    const landedBeforeDelete = await deleted;
    const failed = await waitForJob(core, accountId, job.id, isFinished);
    expect(landedBeforeDelete).toBeLessThan(members.length / 50);

    // The job fails with the reason, and still names the tag it was moving people into.
    expect(failed).toMatchObject({
      status: 'failed',
      lastError: { code: 'TAG_NOT_FOUND' },
      params: { names: { from: '甲组', to: '乙组' } },
    });
    // What landed is recorded as done; nobody left 甲组 without a record of it.
    const leftA = members.filter((o) => !emulator.control.state().tagMembers(A).includes(o));
    expect(failed.succeeded).toBeGreaterThan(0);
    expect(failed.succeeded).toBe(leftA.length);
    expect(failed.succeeded).toBeLessThan(members.length);

    // Those not reached yet stayed in 甲组 untouched: no failures to list, nothing half-done.
    expect(await core.ok('jobs:failures', { accountId, jobId: job.id })).toMatchObject({ total: 0 });
    // A failed job offers no undo, and asking starts nothing (the landed ones are now in neither
    // tag: 乙组 is gone, and its undo would be refused as groupGone anyway).
    expect(failed).toMatchObject({ canUndo: false });
    expect((await core.call('jobs:undo', { accountId, jobId: job.id })).ok).toBe(false);
    const jobs = (await core.ok('jobs:list', { accountId })).jobs.filter((j) => j.kind !== 'sync');
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it('a 45159 that goes away (a tag just created, concurrent tagging) is tried again, not called "tag does not exist"', async () => {
    const { core, accountId } = await synced('tags');
    const state = emulator.control.state();
    const A = state.createTag('甲组', state.openids().slice(0, 120));
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    emulator.control.addFault({ kind: 'errcode', errcode: 45159, count: 2, path: TAGGING });
    const job = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    expect(await waitForJob(core, accountId, job.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 120,
      lastError: null,
    });
    expect(emulator.control.state().tagMembers(B)).toHaveLength(120);
  });
});
