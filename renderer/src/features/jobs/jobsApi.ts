import type { JobSummary } from '#contract/jobs';
import { unwrap, wxg } from '../../api';
import type { BulkRequest } from './bulkRequest';

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

/** The core's `jobs:*` channels, answers unwrapped (a refusal throws a WxgError). */
export const jobsApi = {
  async start({ accountId, action, target, from, to }: BulkRequest): Promise<JobSummary> {
    const { toSelection } = await selectionHelpers();
    const selection = toSelection(target);
    return wxg.jobsStart({ accountId, kind: action, selection, ...params(action, from, to) }).then(unwrap);
  },
  /** Untags everyone, then deletes the group (for tags too big to delete directly). */
  deleteGroup: (accountId: string, groupId: number) =>
    wxg.jobsStart({ accountId, kind: 'deleteGroup', groupId }).then(unwrap),
  pause: (accountId: string, jobId: string) => wxg.jobsPause({ accountId, jobId }).then(unwrap),
  resume: (accountId: string, jobId: string) => wxg.jobsResume({ accountId, jobId }).then(unwrap),
  cancel: (accountId: string, jobId: string) => wxg.jobsCancel({ accountId, jobId }).then(unwrap),
  undo: (accountId: string, jobId: string) => wxg.jobsUndo({ accountId, jobId }).then(unwrap),
  /** A new job of the same kind for the followers that failed in `jobId`. */
  retryFailed: (accountId: string, jobId: string) => wxg.jobsRetryFailed({ accountId, jobId }).then(unwrap),
  list: (accountId: string) =>
    wxg
      .jobsList({ accountId })
      .then(unwrap)
      .then((r) => r.jobs),
  failures: (accountId: string, jobId: string, offset: number, limit: number) =>
    wxg.jobsFailures({ accountId, jobId, offset, limit }).then(unwrap),
};
