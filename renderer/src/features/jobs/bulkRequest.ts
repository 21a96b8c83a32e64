import type { JobKind } from '#contract/jobs';
import type { Selection } from '../followers/selection';

/** The kinds the bulk menu starts (a group delete and a sync start elsewhere). */
export type BulkAction = Exclude<JobKind, 'deleteGroup' | 'sync'>;

export interface BulkRequest {
  accountId: string;
  action: BulkAction;
  /** Who the action is for: the table's selection, or one follower's. */
  selection: Selection;
  /** The group they leave, for the kinds that take one (contract's jobKindFields). */
  from?: number | undefined;
  /** The group they join, for the kinds that take one. */
  to?: number | undefined;
}
