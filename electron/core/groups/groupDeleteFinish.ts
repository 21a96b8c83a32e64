import { AppError } from '../appError';
import { runSingleCall } from '../jobs/chunkRunner';
import { UNGROUPED } from '../jobs/itemOp';
import { groupMembers } from '../jobs/selection';
import type { AccountSession } from '../session/accountSessions';

/**
 * The last step of a group delete job, once its members have been taken out: the group itself
 * goes, on WeChat and in the cache. Throws a JobInterrupt (pause or fail) like a chunk does.
 */
export async function finishGroupDelete(
  session: AccountSession,
  groupId: number,
  cacheChanged: () => void,
): Promise<void> {
  const { backend, db } = session;
  await runSingleCall(async () => {
    try {
      await backend.delete(groupId);
    } catch (error) {
      // Gone already (a resumed job whose delete landed just before the app stopped): done.
      const gone =
        error instanceof AppError && (error.code === 'TAG_NOT_FOUND' || error.code === 'GROUP_NOT_FOUND');
      if (!gone) throw error;
    }
  });
  db.transaction(() => {
    // WeChat put the legacy group's members back in 未分组: so does the cache, as a sync would.
    if (backend.api === 'groups') {
      db.followers.moveToGroup(
        groupMembers(db, 'groups', groupId).map((m) => m.openid),
        'groups',
        UNGROUPED,
      );
    }
    db.groups.remove(backend.api, groupId);
  });
  try {
    // The server's counts (legacy: members went back to 未分组).
    db.groups.replaceAll(backend.api, await backend.list());
  } catch {
    // The delete itself succeeded; the next list refresh brings the counts.
  }
  cacheChanged();
}
