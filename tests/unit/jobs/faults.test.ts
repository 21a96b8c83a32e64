import { describe, expect, it } from 'vitest';
import { expectCacheMatches } from '../../support/compareCache';
import {
  addAccount,
  fastJobTiming,
  isFinished,
  syncAccount,
  TAGGING,
  tagSnapshot,
  UNTAGGING,
  waitForJob,
} from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(73, 3_000);

describe('a move against a flaky WeChat', () => {
  it('soak: 2 000 with 10 % random -1, resets, 502s, 45169, one 45011 and one 45171 — exact, every item accounted for', async () => {
    // The runner reads the emulator's clock, so the 45011 wait ends when the test moves it on.
    const core = await startCore({ ...fastJobTiming, now: () => emulator.control.now() });
    const accountId = await addAccount(core);
    const state = emulator.control.state();
    const inA = state.openids().slice(0, 2_000);
    const A = state.createTag('甲组', inA);
    const B = state.createTag('乙组', state.openids().slice(1_900, 2_100));
    await syncAccount(core, accountId);
    const before = tagSnapshot(emulator);

    for (const path of [TAGGING, UNTAGGING]) {
      emulator.control.addFault({ kind: 'randomError', rate: 0.1, path });
      emulator.control.addFault({ kind: 'reset', rate: 0.03, path });
      emulator.control.addFault({ kind: 'reset', rate: 0.03, after: true, path });
    }
    emulator.control.addFault({ kind: 'http502', rate: 0.02, path: TAGGING });
    emulator.control.addFault({ kind: 'openidBusy', count: 3, path: UNTAGGING });
    emulator.control.addFault({ kind: 'errcode', errcode: 45011, count: 1, path: TAGGING });
    emulator.control.addFault({ kind: 'partialFail', rate: 0.3, count: 1, path: UNTAGGING });

    const pauses: { reason: string | null; resumeAt: number | null }[] = [];
    core.services.events.subscribe((e) => {
      if (e.name !== 'job:progress' || e.payload.status !== 'paused') return;
      pauses.push({ reason: e.payload.pauseReason, resumeAt: e.payload.resumeAt });
      // The next minute, on the emulator's clock (and so also for its minute quotas).
      if (e.payload.pauseReason === 'rate' && e.payload.resumeAt)
        emulator.control.setTime(e.payload.resumeAt);
    });

    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done.status).toBe('done');
    expect(done.succeeded + done.failed + done.skipped).toBe(2_000);
    expect(done).toMatchObject({ succeeded: 2_000, failed: 0, skipped: 0 });
    expect(pauses.map((p) => p.reason)).toContain('rate');
    const rate = pauses.find((p) => p.reason === 'rate');
    expect((rate?.resumeAt ?? 1) % 60_000).toBe(0);

    // The faults really happened.
    const codes = [
      ...emulator.control.calls({ path: TAGGING }),
      ...emulator.control.calls({ path: UNTAGGING }),
    ].map((c) => c.errcode);
    for (const code of [-1, 45011, 45169, 45171]) expect(codes).toContain(code);
    expect(codes.some((c) => c < -1)).toBe(true); // connection resets

    const moved = new Set(inA);
    const after = tagSnapshot(emulator);
    for (const [openid, tags] of before) {
      const want = moved.has(openid)
        ? [...new Set([...tags.filter((t) => t !== A), B])].sort((a, b) => a - b)
        : tags;
      expect(after.get(openid), openid).toEqual(want);
    }
    emulator.control.clearFaults();
    await expectCacheMatches(core, emulator, accountId);
  });

  it('reports followers WeChat refuses (45059 too many tags, 50005 unfollowed) and moves everyone else', async () => {
    const core = await startCore();
    const accountId = await addAccount(core);
    const state = emulator.control.state();
    const inA = state.openids().slice(0, 1_000);
    const A = state.createTag('甲组', inA);
    const B = state.createTag('乙组');
    // Twenty tags each (A and 19 others): one more is refused with 45059.
    const others = state
      .tags()
      .map((t) => t.id)
      .filter((id) => id !== A && id !== B);
    for (let i = others.length; i < 19; i++) others.push(state.createTag(`填充${i}`));
    const full = [inA[3], inA[77], inA[78], inA[500], inA[999]] as string[];
    for (const o of full) state.setTags(o, [A, ...others.slice(0, 19)]);
    await syncAccount(core, accountId);
    // These leave after the sync: the cache still lists them in A.
    const gone = [inA[10], inA[620]] as string[];
    state.unfollow(gone);

    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 993, failed: 7, skipped: 0 });

    const failures = await core.ok('jobs:failures', { accountId, jobId: job.id, limit: 500 });
    expect(failures.total).toBe(7);
    const byOpenid = new Map(failures.failures.map((f) => [f.openid, f]));
    for (const o of full) expect(byOpenid.get(o)).toMatchObject({ code: 'TAG_USER_LIMIT', errcode: 45059 });
    for (const o of gone)
      expect(byOpenid.get(o)).toMatchObject({ code: 'USER_UNSUBSCRIBED', errcode: 50005 });
    const page = await core.ok('jobs:failures', { accountId, jobId: job.id, offset: 5, limit: 10 });
    expect(page).toMatchObject({ total: 7 });
    expect(page.failures).toHaveLength(2);

    const refused = new Set([...full, ...gone]);
    const inB = new Set(state.tagMembers(B));
    const stillA = new Set(state.tagMembers(A));
    for (const o of inA) {
      if (refused.has(o)) continue;
      expect(inB.has(o) && !stillA.has(o), o).toBe(true);
    }
    for (const o of full) {
      expect(stillA.has(o)).toBe(true);
      expect(inB.has(o)).toBe(false);
    }

    // Undo puts back only those it moved.
    const undo = await core.ok('jobs:undo', { accountId, jobId: job.id });
    expect(undo.total).toBe(993);
    await waitForJob(core, accountId, undo.id, isFinished);
    expect(state.tagMembers(B)).toEqual([]);
    expect(state.tagMembers(A).sort()).toEqual(inA.filter((o) => !gone.includes(o)).sort());
  });
});

/** The client's tries of one request (its default retry budget; the tests only shorten the waits). */
const CLIENT_ATTEMPTS = 6;

describe('a batch that keeps meeting 45169 (this follower is changed too often)', () => {
  it('is sent one retry budget of times (not client tries × step tries), then the job pauses and carries on once WeChat accepts it', async () => {
    const core = await startCore({ ...fastJobTiming, now: () => emulator.control.now() });
    const accountId = await addAccount(core);
    const state = emulator.control.state();
    const members = state.openids().slice(0, 30);
    const A = state.createTag('甲组', members);
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    emulator.control.clearCalls();
    const busy = emulator.control.addFault({ kind: 'openidBusy', count: 1_000, path: TAGGING });

    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: members },
      from: A,
      to: B,
    });
    const paused = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused' || isFinished(j));
    // One batch (30 followers, under the limit of 50): one budget, not client tries × step tries.
    expect(emulator.control.calls({ path: TAGGING })).toHaveLength(CLIENT_ATTEMPTS);
    expect(paused).toMatchObject({
      status: 'paused',
      pauseReason: 'rate',
      lastError: { code: 'OPENID_BUSY' },
    });

    // WeChat lets the follower be changed again; the next minute's probe goes through.
    emulator.control.removeFault(busy);
    if (paused.resumeAt) emulator.control.setTime(paused.resumeAt);
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 30, failed: 0 });
    expect(state.tagMembers(B).sort()).toEqual([...members].sort());
  });
});
