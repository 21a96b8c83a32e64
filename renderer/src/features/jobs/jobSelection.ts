import type { ChannelRequest } from '#contract/channels';
import { JOB_FAILURES_MAX_LIMIT, JOB_MAX_OPENIDS } from '#contract/jobs';
import { unwrap, wxg, WxgError } from '../../api';
import type { BulkTarget } from './jobsPort';

const WINDOW = 500;

type Selection = NonNullable<ChannelRequest<'jobs:start'>['selection']>;

/**
 * A selection the core accepts. "All matching" with some unticked has no query form in the
 * contract, so the openids are collected here, window by window, and sent as a list.
 */
export async function toSelection(accountId: string, target: BulkTarget): Promise<Selection> {
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

/** Every openid that failed in a job, page by page. */
export async function allFailedOpenids(accountId: string, jobId: string): Promise<string[]> {
  const openids: string[] = [];
  for (let offset = 0; ; offset += JOB_FAILURES_MAX_LIMIT) {
    const page = await wxg
      .jobsFailures({ accountId, jobId, offset, limit: JOB_FAILURES_MAX_LIMIT })
      .then(unwrap);
    openids.push(...page.failures.map((f) => f.openid));
    if (page.failures.length < JOB_FAILURES_MAX_LIMIT || openids.length >= page.total) return openids;
  }
}
