import type { FollowerService } from '../followers/followerService';
import type { SyncService } from '../followers/syncService';
import type { JobService } from '../jobs/jobService';
import type { HandlerSlice } from './handlerSlice';

/** The cached followers, and the sync that fills the cache. */
export function followerHandlers(
  followers: FollowerService,
  sync: SyncService,
  jobs: JobService,
): HandlerSlice<'followers' | 'sync'> {
  return {
    'followers:query': ({ accountId, query }) => followers.query(accountId, query),
    'followers:get': ({ accountId, openid }) => followers.get(accountId, openid),
    'followers:setRemark': ({ accountId, openid, remark, recheck }) =>
      followers.setRemark(accountId, openid, remark, recheck),
    'followers:setNote': ({ accountId, openid, note }) => followers.setNote(accountId, openid, note),
    // One way to start a sync: as the job it is.
    'sync:start': async ({ accountId }) => {
      await jobs.start({ accountId, kind: 'sync' });
      return sync.status(accountId);
    },
    'sync:status': ({ accountId }) => sync.status(accountId),
    'sync:dismissRecovery': ({ accountId }) => sync.dismissRecovery(accountId),
  };
}
