import type { ChannelRequest } from '#contract/channels';
import type { BulkTarget } from './bulkRequest';

type Selection = NonNullable<ChannelRequest<'jobs:start'>['selection']>;

/** The selection as the core takes it: ticked openids, or the query minus the unticked ones. */
export function toSelection(target: BulkTarget): Selection {
  if (target.kind === 'openids') return { openids: target.openids };
  return target.except.length === 0
    ? { query: target.query }
    : { query: target.query, except: target.except };
}
