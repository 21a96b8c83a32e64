import { jobKindTakes } from '#contract/jobKindFields';
import type { JobSummary } from '#contract/jobs';
import { unwrap, wxg } from '../../api';
import { toJobSelection } from '../followers/selection';
import type { BulkRequest } from './bulkRequest';

/** Only the group fields the kind takes (the core refuses any other). */
function groupFields(kind: JobSummary['kind'], from: number | undefined, to: number | undefined) {
  return {
    ...(jobKindTakes(kind, 'from') && from !== undefined ? { from } : {}),
    ...(jobKindTakes(kind, 'to') && to !== undefined ? { to } : {}),
  };
}

/** The core's `jobs:*` channels, answers unwrapped (a refusal throws a WxgError). */
export const jobsApi = {
  async start({ accountId, action, selection, from, to }: BulkRequest): Promise<JobSummary> {
    const request = { accountId, kind: action, selection: toJobSelection(selection) };
    return wxg.jobsStart({ ...request, ...groupFields(action, from, to) }).then(unwrap);
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
