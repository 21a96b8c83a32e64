import { describe, expect, it } from 'vitest';
import { expectCacheMatches } from '../../support/compareCache';
import {
  addAccount,
  isFinished,
  syncAccount,
  tagSnapshot,
  UNTAGGING,
  waitForJob,
} from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(79, 10_500);

/** A synced account whose tag A holds `size` followers; B is empty. */
/** jobs:start's input for a move of these followers from one tag to another. */
function moveOf(accountId: string, openids: string[], from: number, to: number) {
  return { accountId, kind: 'move' as const, selection: { openids }, from, to };
}

async function setup(size: number) {
  const core = await startCore();
  const accountId = await addAccount(core);
  const state = emulator.control.state();
  const inA = state.openids().slice(0, size);
  const A = state.createTag('甲组', inA);
  const B = state.createTag('乙组');
  await syncAccount(core, accountId);
  return { core, accountId, state, inA, A, B, before: tagSnapshot(emulator) };
}

describe('undo after followers were changed only half-way', () => {
  it('a 10 000 move where untagging fails for 10 % (45171): undo puts every follower back exactly', async () => {
    const { core, accountId, state, inA, A, B, before } = await setup(10_000);
    // Every tenth follower: tagged into B, then WeChat refuses to untag them from A (45171).
    const stuck = inA.filter((_, i) => i % 10 === 3);
    emulator.control.addFault({ kind: 'partialFail', openids: stuck, path: UNTAGGING });

    const move = await core.ok('jobs:start', moveOf(accountId, inA, A, B));
    const moved = await waitForJob(core, accountId, move.id, isFinished, 60_000);
    expect(moved).toMatchObject({ status: 'done', succeeded: 9_000, failed: 1_000, canUndo: true });
    const inB = new Set(state.tagMembers(B));
    for (const o of stuck) expect(inB.has(o), o).toBe(true);

    emulator.control.clearFaults();
    const undo = await core.ok('jobs:undo', { accountId, jobId: move.id });
    expect(undo.total).toBe(10_000);
    const undone = await waitForJob(core, accountId, undo.id, isFinished, 60_000);
    expect(undone).toMatchObject({ status: 'done', failed: 0 });
    expect(state.tagMembers(B)).toEqual([]);
    expect(tagSnapshot(emulator)).toEqual(before);
    await expectCacheMatches(core, emulator, accountId);
  }, 120_000);

  it('a job stopped by an error after tagging landed: cancel + undo also reverses the stopped chunk', async () => {
    const { core, accountId, state, inA, A, B, before } = await setup(400);
    // The first untag is refused with a permission error: the job fails with 50 followers in both.
    emulator.control.addFault({ kind: 'errcode', errcode: 48001, count: 1, path: UNTAGGING });
    const move = await core.ok('jobs:start', moveOf(accountId, inA, A, B));
    const failed = await waitForJob(core, accountId, move.id, (j) => j.status === 'failed');
    expect(state.tagMembers(B).length).toBeGreaterThan(0);

    await core.ok('jobs:cancel', { accountId, jobId: move.id });
    // Chunks still in flight land first.
    const cancelled = await waitForJob(core, accountId, move.id, (j) => j.finishedAt !== null);
    expect(cancelled).toMatchObject({ status: 'cancelled', canUndo: true });
    expect(failed.succeeded).toBeLessThan(400);
    const undo = await core.ok('jobs:undo', { accountId, jobId: move.id });
    await waitForJob(core, accountId, undo.id, isFinished);
    expect(state.tagMembers(B)).toEqual([]);
    expect(tagSnapshot(emulator)).toEqual(before);
    await expectCacheMatches(core, emulator, accountId);
  });

  it('"retry failed" names the job: it finishes the move, and undoing both ends where it all began', async () => {
    const { core, accountId, state, inA, A, B, before } = await setup(1_000);
    const stuck = inA.filter((_, i) => i % 10 === 3);
    const fault = emulator.control.addFault({ kind: 'partialFail', openids: stuck, path: UNTAGGING });
    const move = await core.ok('jobs:start', moveOf(accountId, inA, A, B));
    expect(await waitForJob(core, accountId, move.id, isFinished)).toMatchObject({ failed: 100 });
    emulator.control.removeFault(fault);

    const retry = await core.ok('jobs:retryFailed', { accountId, jobId: move.id });
    expect(retry).toMatchObject({ kind: 'move', total: 100, params: { from: A, to: B } });
    expect(await waitForJob(core, accountId, retry.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 100,
      failed: 0,
    });
    const stillA = new Set(state.tagMembers(A));
    expect(inA.filter((o) => stillA.has(o))).toEqual([]);

    // The retry kept the state from before the first try: its undo puts them back in A only.
    for (const jobId of [retry.id, move.id]) {
      const undo = await core.ok('jobs:undo', { accountId, jobId });
      expect(await waitForJob(core, accountId, undo.id, isFinished)).toMatchObject({
        status: 'done',
        failed: 0,
      });
    }
    expect(tagSnapshot(emulator)).toEqual(before);
    await expectCacheMatches(core, emulator, accountId);
  });

  it('"retry failed" of a job that is not there, or that has no failures, is NOT_FOUND', async () => {
    const { core, accountId, inA, A, B } = await setup(10);
    const missing = await core.call('jobs:retryFailed', { accountId, jobId: 'no-such-job' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { what: 'job' } } });
    const move = await core.ok('jobs:start', moveOf(accountId, inA, A, B));
    expect(await waitForJob(core, accountId, move.id, isFinished)).toMatchObject({
      status: 'done',
      failed: 0,
    });
    const none = await core.call('jobs:retryFailed', { accountId, jobId: move.id });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { what: 'failures' } } });
  });

  it('"retry failed" is its own call: jobs:start takes no failedOf selection', async () => {
    const { core, accountId, A, B } = await setup(10);
    const r = await core.call('jobs:start', {
      accountId,
      kind: 'move',
      // Not in the contract's selection any more: sent as a caller outside TypeScript would.
      selection: JSON.parse('{"failedOf":"some-job"}') as { openids: string[] },
      from: A,
      to: B,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
