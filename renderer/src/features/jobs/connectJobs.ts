import type { ChannelRequest } from '#contract/channels';
import { JOB_FAILURES_MAX_LIMIT, JOB_MAX_OPENIDS, type JobSummary } from '#contract/jobs';
import { unwrap, wxg, WxgError } from '../../api';
import type { BulkTarget, JobsPort } from './jobsPort';

const WINDOW = 500;

type Selection = NonNullable<ChannelRequest<'jobs:start'>['selection']>;

/**
 * A selection the core accepts. "All matching" with some unticked has no query form in the
 * contract, so the openids are collected here, window by window, and sent as a list.
 */
async function toSelection(accountId: string, target: BulkTarget): Promise<Selection> {
  if (target.kind === 'openids') return { openids: target.openids };
  if (target.except.length === 0) return { query: target.query };
  const except = new Set(target.except);
  const openids: string[] = [];
  for (let offset = 0; ; offset += WINDOW) {
    const page = await wxg
      .followersQuery({ accountId, query: { ...target.query, offset, limit: WINDOW } })
      .then(unwrap);
    for (const row of page.rows) if (!except.has(row.openid)) openids.push(row.openid);
    if (openids.length > JOB_MAX_OPENIDS)
      throw new WxgError({ code: 'LIST_TOO_LONG', params: { max: JOB_MAX_OPENIDS }, retryable: false });
    if (page.rows.length < WINDOW || offset + WINDOW >= page.total) break;
  }
  return { openids };
}

async function allFailedOpenids(accountId: string, jobId: string): Promise<string[]> {
  const openids: string[] = [];
  for (let offset = 0; ; offset += JOB_FAILURES_MAX_LIMIT) {
    const page = await wxg
      .jobsFailures({ accountId, jobId, offset, limit: JOB_FAILURES_MAX_LIMIT })
      .then(unwrap);
    openids.push(...page.failures.map((f) => f.openid));
    if (page.failures.length < JOB_FAILURES_MAX_LIMIT || openids.length >= page.total) return openids;
  }
}

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
    const selection = await toSelection(accountId, target);
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
    const openids = await allFailedOpenids(accountId, job.id);
    if (openids.length === 0)
      throw new WxgError({ code: 'NOT_FOUND', params: { what: 'failures' }, retryable: false });
    return wxg
      .jobsStart({
        accountId,
        kind: job.kind,
        selection: { openids },
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
