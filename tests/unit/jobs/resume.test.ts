import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobSummary } from '#contract/jobs';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { expectCacheMatches } from '../../support/compareCache';
import type { TestCore } from '../../support/coreServices';
import {
  addAccount,
  allHostsDown,
  fastJobTiming,
  isFinished,
  moveAllIn,
  startJobCore,
  syncAccount,
  TAGGING,
  UNTAGGING,
  waitForJob,
} from '../../support/jobCore';

let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 72,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 5_500 }],
  });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.services.close()));
  emulator.control.reset();
});

async function setup(size: number, jobs = fastJobTiming) {
  const core = await startJobCore(emulator, jobs);
  cores.push(core);
  const accountId = await addAccount(core);
  const state = emulator.control.state();
  const inA = state.openids().slice(0, size);
  const A = state.createTag('甲组', inA);
  const B = state.createTag('乙组');
  await syncAccount(core, accountId);
  return { core, accountId, A, B, inA };
}

function expectMoved(A: number, B: number, openids: readonly string[]) {
  const state = emulator.control.state();
  expect(state.tagMembers(A)).toEqual([]);
  expect(state.tagMembers(B).sort()).toEqual([...openids].sort());
}

/** Every status each job goes through, in order, from job:progress events (by job id). */
function statuses(core: TestCore): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  core.services.events.subscribe((e) => {
    if (e.name !== 'job:progress') return;
    const list = seen.get(e.payload.id) ?? [];
    seen.set(e.payload.id, list);
    const s = e.payload.status === 'paused' ? `paused:${e.payload.pauseReason}` : e.payload.status;
    if (list.at(-1) !== s) list.push(s);
  });
  return seen;
}

describe('durability', () => {
  it('resumes after the services are closed mid-job: exact final state, no chunk sent twice', async () => {
    const { core, accountId, A, B, inA } = await setup(5_000);
    emulator.control.clearCalls();
    emulator.control.addFault({ kind: 'latency', ms: 3, path: TAGGING });
    const job = await core.ok('jobs:start', moveAllIn(accountId, A, B));
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 1_500);
    await core.services.close();
    cores.splice(cores.indexOf(core), 1);
    const atClose = emulator.control.calls({ path: TAGGING }).length;
    expect(atClose).toBeLessThan(100);

    // The same folders, as after an app restart: the job goes on by itself.
    const again = await startJobCore(emulator, fastJobTiming, core);
    cores.push(again);
    const done = await waitForJob(again, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 5_000, failed: 0, skipped: 0, total: 5_000 });
    // Every chunk went out exactly once over both runs.
    expect(emulator.control.calls({ path: TAGGING })).toHaveLength(100);
    expect(emulator.control.calls({ path: UNTAGGING })).toHaveLength(100);
    expectMoved(A, B, inA);
    await expectCacheMatches(again, emulator, accountId);
  });
});

describe('pauses', () => {
  it('pauses on 45009 (daily quota) and resumes by itself once WeChat’s day rolls over', async () => {
    // The runner's clock is the emulator's, so "tomorrow" is the same moment for both.
    const { core, accountId, A, B, inA } = await setup(2_000, {
      ...fastJobTiming,
      now: () => emulator.control.now(),
    });
    // 40 tag calls are needed; a day's quota allows 25.
    emulator.control.configure({ quotas: { [TAGGING]: 25 } });
    const seen = statuses(core);
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    const paused = await waitForJob(core, accountId, job.id, (j) => j.pauseReason === 'quota');
    expect(paused).toMatchObject({ status: 'paused', lastError: { code: 'QUOTA_DAILY' } });
    expect(paused.resumeAt).toBeGreaterThan(emulator.control.now());
    // It keeps probing with one chunk at a time, and stays paused while the quota is spent: once
    // the chunks WeChat accepted have landed (one may have been in flight at the pause), the job
    // has moved exactly the day's 25 calls' worth and no more.
    const accepted = () => emulator.control.calls({ path: TAGGING }).filter((c) => c.errcode === 0).length;
    await vi.waitFor(
      async () =>
        expect((await core.ok('jobs:get', { accountId, jobId: job.id })).succeeded).toBe(accepted() * 50),
      { timeout: 5_000 },
    );
    await new Promise((r) => setTimeout(r, 150));
    const still = await core.ok('jobs:get', { accountId, jobId: job.id });
    expect(still.status).toBe('paused');
    expect(accepted()).toBe(25);
    expect(still.succeeded).toBe(25 * 50);
    const refused = emulator.control.calls({ path: TAGGING }).filter((c) => c.errcode === 45009).length;
    expect(refused).toBeGreaterThan(1);

    // Midnight in Beijing (UTC+8).
    const day = 86_400_000;
    const offset = 8 * 3_600_000;
    emulator.control.setTime(Math.floor((emulator.control.now() + offset) / day + 1) * day - offset + 1_000);
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 2_000, failed: 0, lastError: null });
    expect(seen.get(job.id)).toEqual(['queued', 'running', 'paused:quota', 'running', 'done']);
    expectMoved(A, B, inA);
    await expectCacheMatches(core, emulator, accountId);
  });

  it('pauses "offline" when no host answers and completes by itself when the network is back', async () => {
    const { core, accountId, A, B, inA } = await setup(2_000);
    emulator.control.addFault({ kind: 'latency', ms: 3, path: UNTAGGING });
    const seen = statuses(core);
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 500);
    allHostsDown(emulator);
    const paused = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused');
    expect(paused).toMatchObject({ pauseReason: 'offline', lastError: { code: 'NETWORK' } });
    // Probing: still paused a while later, nothing lost.
    await new Promise((r) => setTimeout(r, 100));
    const still: JobSummary = await core.ok('jobs:get', { accountId, jobId: job.id });
    expect(still.status).toBe('paused');

    emulator.control.clearFaults();
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 2_000, failed: 0 });
    expect(seen.get(job.id)?.slice(0, 3)).toEqual(['queued', 'running', 'paused:offline']);
    expect(seen.get(job.id)?.at(-1)).toBe('done');
    expectMoved(A, B, inA);
    await expectCacheMatches(core, emulator, accountId);
  });

  it('a job paused by the user stays paused across a restart until resumed', async () => {
    const { core, accountId, A, B, inA } = await setup(1_000);
    emulator.control.addFault({ kind: 'latency', ms: 3, path: TAGGING });
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 100);
    await core.ok('jobs:pause', { accountId, jobId: job.id });
    await core.services.close();
    cores.splice(cores.indexOf(core), 1);

    const again = await startJobCore(emulator, fastJobTiming, core);
    cores.push(again);
    await new Promise((r) => setTimeout(r, 100));
    const still = await again.ok('jobs:get', { accountId, jobId: job.id });
    expect(still).toMatchObject({ status: 'paused', pauseReason: 'user' });
    await again.ok('jobs:resume', { accountId, jobId: job.id });
    expect(await waitForJob(again, accountId, job.id, isFinished)).toMatchObject({
      status: 'done',
      succeeded: 1_000,
    });
    expectMoved(A, B, inA);
  });
});
