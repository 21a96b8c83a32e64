import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { expectCacheMatches } from '../../support/compareCache';
import type { TestCore } from '../../support/coreServices';
import { addAccount, allHostsDown, isFinished, startJobCore, waitForJob } from '../../support/jobCore';

/** A sync is a job of kind `sync`: listed, paused, resumed and cancelled through `jobs:*`. */

const USER_GET = '/cgi-bin/user/get';
const BATCHGET = '/cgi-bin/user/info/batchget';

let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 29,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 12_000 }],
  });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.services.close()));
  emulator.control.clearFaults();
  emulator.control.clearCalls();
});

async function setup(reopen?: TestCore) {
  const core = await startJobCore(emulator, undefined, reopen);
  cores.push(core);
  const accountId = reopen ? (await core.ok('accounts:list', {})).accounts[0]!.id : await addAccount(core);
  return { core, accountId };
}

/** Slows the details down so a test can act part-way through. */
function slowDetails() {
  emulator.control.addFault({ path: BATCHGET, kind: 'latency', ms: 3 });
}

/**
 * Slows the id pages down: once the first page's 10 000 are in, the second page is still coming.
 * The wait is long enough that a loaded machine still acts before the page arrives.
 */
async function atSecondPage(core: TestCore, accountId: string, jobId: string) {
  emulator.control.addFault({ path: USER_GET, kind: 'latency', ms: 2_500 });
  await waitForJob(core, accountId, jobId, (j) => j.succeeded >= 10_000);
}

const subscribed = () => emulator.control.state().openids({ subscribedOnly: true }).length;

describe('sync as a job', () => {
  it('jobs:start starts the sync; it is listed, counts followers as they arrive, and ends done', async () => {
    const { core, accountId } = await setup();
    slowDetails();
    const progress: number[] = [];
    core.services.events.subscribe((e) => {
      if (e.name === 'job:progress' && e.payload.kind === 'sync') progress.push(e.payload.succeeded);
    });
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    expect(job).toMatchObject({ kind: 'sync', status: 'running', canUndo: false });
    // A second start while it runs is the same sync, from either channel.
    expect((await core.ok('jobs:start', { accountId, kind: 'sync' })).id).toBe(job.id);
    await core.ok('sync:start', { accountId });

    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: subscribed(), total: subscribed(), failed: 0 });
    expect(progress.some((n) => n > 0 && n < subscribed())).toBe(true);
    const list = (await core.ok('jobs:list', { accountId })).jobs;
    expect(list.map((j) => [j.id, j.kind])).toEqual([[job.id, 'sync']]);
    expect(await core.call('jobs:undo', { accountId, jobId: job.id })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    await expectCacheMatches(core, emulator, accountId);
  });

  it('refuses fields a sync does not take', async () => {
    const { core, accountId } = await setup();
    const r = await core.call('jobs:start', { accountId, kind: 'sync', selection: { openids: ['x'] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('paused part-way stays paused across a restart, and resumes from where it stopped', async () => {
    const { core, accountId } = await setup();
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    await atSecondPage(core, accountId, job.id);
    const paused = await core.ok('jobs:pause', { accountId, jobId: job.id });
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'user' });
    expect((await core.ok('sync:status', { accountId })).running).toBe(false);
    const calls = emulator.control.calls({ path: BATCHGET }).length;

    // Closed and opened again: a sync the owner paused is not started behind their back.
    await core.services.close();
    cores.splice(cores.indexOf(core), 1);
    const again = await setup(core);
    await new Promise((r) => setTimeout(r, 300));
    expect(await again.core.ok('jobs:get', { accountId, jobId: job.id })).toMatchObject({ status: 'paused' });
    expect(emulator.control.calls({ path: BATCHGET })).toHaveLength(calls);
    expect((await again.core.ok('sync:status', { accountId })).resumable).toBe(true);

    emulator.control.clearFaults();
    emulator.control.clearCalls();
    const resumed = await again.core.ok('jobs:resume', { accountId, jobId: job.id });
    expect(resumed.id).toBe(job.id);
    const done = await waitForJob(again.core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: subscribed() });
    // Carried on from the second page: only its followers' details were fetched (100 a call).
    expect(emulator.control.calls({ path: BATCHGET }).length).toBe(Math.ceil((subscribed() - 10_000) / 100));
    expect((await again.core.ok('jobs:list', { accountId })).jobs).toHaveLength(1);
    await expectCacheMatches(again.core, emulator, accountId);
  });

  it('cancelled part-way: stops, and the next sync starts from the first page', async () => {
    const { core, accountId } = await setup();
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    await atSecondPage(core, accountId, job.id);
    const cancelled = await core.ok('jobs:cancel', { accountId, jobId: job.id });
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.finishedAt).not.toBeNull();
    expect((await core.ok('sync:status', { accountId })).resumable).toBe(false);

    emulator.control.clearFaults();
    emulator.control.clearCalls();
    const next = await core.ok('jobs:start', { accountId, kind: 'sync' });
    expect(next.id).not.toBe(job.id);
    await waitForJob(core, accountId, next.id, isFinished);
    // From the first page: every follower's details were fetched again.
    expect(emulator.control.calls({ path: BATCHGET }).length).toBe(
      Math.ceil(10_000 / 100) + Math.ceil((subscribed() - 10_000) / 100),
    );
    await expectCacheMatches(core, emulator, accountId);
  });

  it('pauses by itself when WeChat cannot be reached, and finishes once it can', async () => {
    const { core, accountId } = await setup();
    slowDetails();
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 1_000);
    allHostsDown(emulator);
    const offline = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused');
    expect(offline).toMatchObject({ pauseReason: 'offline', lastError: { code: 'NETWORK' } });
    expect(offline.resumeAt).not.toBeNull();

    emulator.control.clearFaults();
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: subscribed() });
    await expectCacheMatches(core, emulator, accountId);
  });

  it('closed mid-sync: the same job carries on by itself at the next start', async () => {
    const { core, accountId } = await setup();
    slowDetails();
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    await waitForJob(core, accountId, job.id, (j) => j.succeeded >= 2_000);
    await core.services.close();
    cores.splice(cores.indexOf(core), 1);

    const again = await setup(core);
    const done = await waitForJob(again.core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: subscribed() });
    expect((await again.core.ok('jobs:list', { accountId })).jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it('a move during a sync: the sync does not store what it read before the move', async () => {
    const { core, accountId } = await setup();
    const state = emulator.control.state();
    const first = state.openids().slice(0, 1_000);
    const A = state.createTag('甲组', first);
    const B = state.createTag('乙组');
    await waitForJob(
      core,
      accountId,
      (await core.ok('jobs:start', { accountId, kind: 'sync' })).id,
      isFinished,
    );

    // The second sync has read the first 1 000 (tagged A) but not yet written them when they move.
    emulator.control.addFault({ path: BATCHGET, kind: 'latency', ms: 20 });
    const sync = await core.ok('jobs:start', { accountId, kind: 'sync' });
    await waitForJob(core, accountId, sync.id, (j) => j.succeeded >= 1_000);
    const move = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: first },
      from: A,
      to: B,
    });
    expect(await waitForJob(core, accountId, move.id, isFinished)).toMatchObject({ status: 'done' });
    expect(await waitForJob(core, accountId, sync.id, isFinished)).toMatchObject({ status: 'done' });
    expect(state.tagMembers(B)).toHaveLength(1_000);
    await expectCacheMatches(core, emulator, accountId);
  });
});
