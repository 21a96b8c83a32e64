import { describe, expect, it } from 'vitest';
import { addAccount, isFinished, syncAccount, waitForJob } from '../../support/jobCore';
import { jobTestBed } from '../../support/jobTestBed';

const { emulator, startCore } = jobTestBed(108, 200);

/** A finished job that added 3 followers to a new tag called `name`. */
async function addedToNewTag(name: string) {
  const core = await startCore();
  const accountId = await addAccount(core);
  await syncAccount(core, accountId);
  const tag = await core.ok('groups:create', { accountId, name });
  const openids = emulator.control.state().openids().slice(0, 3);
  const job = await core.ok('jobs:start', { accountId, kind: 'add', selection: { openids }, to: tag.id });
  await waitForJob(core, accountId, job.id, isFinished);
  return { core, accountId, tag, job };
}

describe('a job keeps the names it was made with', () => {
  it('after its tag is deleted: still names it, and undo is refused with the reason', async () => {
    const { core, accountId, tag, job } = await addedToNewTag('中秋活动');
    expect((await core.ok('jobs:get', { accountId, jobId: job.id })).canUndo).toBe(true);

    await core.ok('groups:delete', { accountId, id: tag.id });
    const after = await core.ok('jobs:get', { accountId, jobId: job.id });
    expect(after.params.names).toEqual({ to: '中秋活动' });
    expect(after.canUndo).toBe(false);
    expect(after.undoBlocked).toEqual({ reason: 'groupGone', name: '中秋活动' });

    const undo = await core.call('jobs:undo', { accountId, jobId: job.id });
    expect(undo.ok ? null : undo.error).toMatchObject({
      code: 'JOB_GROUP_GONE',
      params: { name: '中秋活动' },
    });
    // Nothing was started on the followers' behalf.
    const jobs = (await core.ok('jobs:list', { accountId })).jobs.filter((j) => j.kind !== 'sync');
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it('when the id now carries another name: the old name stays on the job, and redo is refused', async () => {
    const { core, accountId, tag, job } = await addedToNewTag('老会员');
    const undo = await core.ok('jobs:undo', { accountId, jobId: job.id });
    expect(undo.params.names).toEqual({ from: '老会员' });
    await waitForJob(core, accountId, undo.id, isFinished);

    // The tag's id now carries another name (a rename; a reused id looks the same from here).
    await core.ok('groups:rename', { accountId, id: tag.id, name: '新品试用' });
    const undone = await core.ok('jobs:get', { accountId, jobId: undo.id });
    expect(undone.params.names).toEqual({ from: '老会员' });
    expect(undone.undoBlocked).toEqual({ reason: 'groupChanged', name: '老会员', now: '新品试用' });
    expect(undone.canUndo).toBe(false);
    const redo = await core.call('jobs:undo', { accountId, jobId: undo.id });
    expect(redo.ok ? null : redo.error).toMatchObject({
      code: 'JOB_GROUP_CHANGED',
      params: { name: '老会员', now: '新品试用' },
    });
  });

  it('a job whose tag is unchanged can still be undone', async () => {
    const { core, accountId, job } = await addedToNewTag('团购');
    const undo = await core.ok('jobs:undo', { accountId, jobId: job.id });
    const done = await waitForJob(core, accountId, undo.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 3, kind: 'remove' });
  });
});
