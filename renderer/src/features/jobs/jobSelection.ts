import type { ChannelRequest } from '#contract/channels';
import { JOB_FAILURES_MAX_LIMIT } from '#contract/jobs';
import { unwrap, wxg } from '../../api';
import type { BulkTarget } from './jobsPort';

type Selection = NonNullable<ChannelRequest<'jobs:start'>['selection']>;

/** The selection as the core takes it: ticked openids, or the query minus the unticked ones. */
export function toSelection(target: BulkTarget): Selection {
  if (target.kind === 'openids') return { openids: target.openids };
  return target.except.length === 0
    ? { query: target.query }
    : { query: target.query, except: target.except };
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
