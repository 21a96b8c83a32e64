import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { TestCore } from '../../support/coreServices';
import { addAccount, isFinished, syncAccount, TAGGING, waitForJob } from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(83, 1_000);

/**
 * What survives a power loss that takes the WAL with it: the database file alone, copied aside
 * and opened on its own (its -wal is not copied).
 */
function withoutWal(core: TestCore, accountId: string): DatabaseSync {
  const dir = mkdtempSync(join(tmpdir(), 'fg-lost-wal-'));
  copyFileSync(join(core.dataDir, 'accounts', accountId, 'cache.sqlite'), join(dir, 'cache.sqlite'));
  return new DatabaseSync(join(dir, 'cache.sqlite'));
}

function count(db: DatabaseSync, sql: string, ...args: string[]): number {
  return Number(db.prepare(sql).get(...args)?.n);
}

describe('job records survive losing the WAL', () => {
  it('the job and its items are in the database file before its first WeChat call', async () => {
    const core = await startCore();
    const accountId = await addAccount(core);
    const state = emulator.control.state();
    const inA = state.openids().slice(0, 600);
    const A = state.createTag('甲组', inA);
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    // The first tagging calls hang long enough to look at the files while they are out.
    emulator.control.addFault({ kind: 'latency', ms: 400, path: TAGGING });

    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: inA },
      from: A,
      to: B,
    });
    await waitForJob(core, accountId, job.id, () => emulator.control.calls({ path: TAGGING }).length > 0);
    const lost = withoutWal(core, accountId);
    expect(count(lost, 'SELECT count(*) AS n FROM jobs WHERE id = ?', job.id)).toBe(1);
    expect(count(lost, 'SELECT count(*) AS n FROM job_items WHERE job_id = ?', job.id)).toBe(600);
    expect(
      count(lost, 'SELECT count(*) AS n FROM job_items WHERE job_id = ? AND before IS NOT NULL', job.id),
    ).toBe(600);
    lost.close();

    emulator.control.clearFaults();
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 600 });
    // Every chunk's outcome was flushed as it was recorded.
    const after = withoutWal(core, accountId);
    expect(
      count(after, "SELECT count(*) AS n FROM job_items WHERE job_id = ? AND state = 'done'", job.id),
    ).toBe(600);
    after.close();
  });
});
