import { describe, expect, it } from 'vitest';
import { expectCacheMatches } from '../../support/compareCache';
import { addAccount, isFinished, syncAccount, TAGGING, tagSnapshot, waitForJob } from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(89, 2_000);

/**
 * A lasting run of HTTP 502: the client's retries (a few ms here, ~30 s in the app) all get a 502.
 * The jobs' probe interval is 25 ms here (15 s in the app): the outage lasts several probes,
 * as a 60 s run does in the app, without a test that sleeps for a minute.
 */
async function outageOf(path: string, probes: number, whilePaused: () => void): Promise<void> {
  const id = emulator.control.addFault({ kind: 'http502', path });
  const start = emulator.control.calls({ path }).length;
  // Each probe sends the same request again (with the client's retries): wait for a few.
  while (emulator.control.calls({ path }).length - start < probes * 6) {
    whilePaused();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  emulator.control.removeFault(id);
}

describe('a lasting server error pauses like an outage and resumes by itself', () => {
  it('a move: paused "server" through a run of 502s, then finishes exactly', async () => {
    const core = await startCore();
    const accountId = await addAccount(core);
    const state = emulator.control.state();
    const inA = state.openids().slice(0, 1_000);
    const A = state.createTag('甲组', inA);
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    const before = tagSnapshot(emulator);

    const statuses: string[] = [];
    core.services.events.subscribe((e) => {
      if (e.name === 'job:progress') statuses.push(`${e.payload.status}:${e.payload.pauseReason ?? ''}`);
    });
    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    let paused = false;
    await outageOf(TAGGING, 4, () => {
      paused ||= statuses.includes('paused:server');
    });
    expect(paused).toBe(true);
    const during = await core.ok('jobs:get', { accountId, jobId: job.id });
    expect(during).toMatchObject({
      status: 'paused',
      pauseReason: 'server',
      lastError: { code: 'SYSTEM_BUSY' },
    });
    expect(during.resumeAt).not.toBeNull();

    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 1_000, failed: 0 });
    expect(statuses).not.toContain('failed:');
    const moved = new Set(inA);
    const after = tagSnapshot(emulator);
    for (const [openid, tags] of before) {
      const want = moved.has(openid) ? [...tags.filter((t) => t !== A), B].sort((a, b) => a - b) : tags;
      expect(after.get(openid), openid).toEqual(want);
    }
    await expectCacheMatches(core, emulator, accountId);
  });

  it('a sync: paused "server" through a run of 502s, then finishes', async () => {
    const core = await startCore();
    const accountId = await addAccount(core);
    const syncs = (await core.ok('jobs:list', { accountId })).jobs.filter((j) => j.kind === 'sync');
    for (const s of syncs) await waitForJob(core, accountId, s.id, isFinished);

    const id = emulator.control.addFault({ kind: 'http502', path: '/cgi-bin/user/get' });
    const job = await core.ok('jobs:start', { accountId, kind: 'sync' });
    const paused = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused');
    expect(paused).toMatchObject({ pauseReason: 'server', lastError: { code: 'SYSTEM_BUSY' } });
    // It tries again by itself while the outage lasts (running while it tries), and never fails.
    const calls = emulator.control.calls({ path: '/cgi-bin/user/get' }).length;
    await waitForJob(
      core,
      accountId,
      job.id,
      () => emulator.control.calls({ path: '/cgi-bin/user/get' }).length >= calls + 12,
    );
    const during = await core.ok('jobs:get', { accountId, jobId: job.id });
    expect(['paused', 'running']).toContain(during.status);
    emulator.control.removeFault(id);

    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done' });
    await expectCacheMatches(core, emulator, accountId);
  });
});
