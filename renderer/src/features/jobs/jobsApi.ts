import type { JobSummary } from '#contract/jobs';
import { unwrap, wxg, WxgError } from '../../api';
import type { JobsPort } from './jobsPort';

/**
 * The selection helpers need the contract's job limits, and importing those brings the contract's
 * zod schemas along: they load with the first bulk action instead of with the first screen.
 */
const selectionHelpers = () => import('./jobSelection');

/** Only the fields a kind takes (the core refuses any other). */
function params(kind: JobSummary['kind'], from: number | undefined, to: number | undefined) {
  return {
    ...((kind === 'move' || kind === 'remove') && from !== undefined ? { from } : {}),
    ...((kind === 'move' || kind === 'add') && to !== undefined ? { to } : {}),
  };
}

/** The core's jobs, as the UI's port. */
export const jobsPort: JobsPort | null = {
  async start({ accountId, action, target, from, to }) {
    const { toSelection } = await selectionHelpers();
    const selection = toSelection(target);
    return wxg.jobsStart({ accountId, kind: action, selection, ...params(action, from, to) }).then(unwrap);
  },
  deleteGroup: (accountId, groupId) =>
    wxg.jobsStart({ accountId, kind: 'deleteGroup', groupId }).then(unwrap),
  pause: (accountId, jobId) => wxg.jobsPause({ accountId, jobId }).then(unwrap),
  resume: (accountId, jobId) => wxg.jobsResume({ accountId, jobId }).then(unwrap),
  cancel: (accountId, jobId) => wxg.jobsCancel({ accountId, jobId }).then(unwrap),
  undo: (accountId, jobId) => wxg.jobsUndo({ accountId, jobId }).then(unwrap),
  async retryFailed(accountId, job) {
    if (job.kind === 'deleteGroup') {
      const groupId = job.params.groupId;
      if (groupId === undefined)
        throw new WxgError({ code: 'NOT_FOUND', params: { what: 'group' }, retryable: false });
      return wxg.jobsStart({ accountId, kind: 'deleteGroup', groupId }).then(unwrap);
    }
    if (job.failed === 0)
      throw new WxgError({ code: 'NOT_FOUND', params: { what: 'failures' }, retryable: false });
    // Named by the job, not listed: a retry of 40 000 followers is a few bytes.
    return wxg
      .jobsStart({
        accountId,
        kind: job.kind,
        selection: { failedOf: job.id },
        ...params(job.kind, job.params.from, job.params.to),
      })
      .then(unwrap);
  },
  list: (accountId) =>
    wxg
      .jobsList({ accountId })
      .then(unwrap)
      .then((r) => r.jobs),
  failures: (accountId, jobId, offset, limit) =>
    wxg.jobsFailures({ accountId, jobId, offset, limit }).then(unwrap),
  onProgress: (listener) => wxg.on('job:progress', listener),
};
