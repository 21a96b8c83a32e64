import type { FollowerQueryInput } from '#contract/followers';
import type { JobKind } from '#contract/jobs';

/** The kinds the bulk menu starts (a group delete and a sync start elsewhere). */
export type BulkAction = Exclude<JobKind, 'deleteGroup' | 'sync'>;

/** Who a bulk action is for: ticked openids, or every follower matching a query minus some. */
export type BulkTarget =
  | { kind: 'openids'; openids: string[] }
  | {
      kind: 'query';
      query: Omit<FollowerQueryInput, 'offset' | 'limit'>;
      except: string[];
      count: number;
    };

export interface BulkRequest {
  accountId: string;
  action: BulkAction;
  target: BulkTarget;
  /** move, remove: the group they leave. */
  from?: number;
  /** move, add: the group they join. */
  to?: number;
}
