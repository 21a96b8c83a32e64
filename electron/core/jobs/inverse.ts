import type { GroupApi } from '#contract/accounts';
import type { AccountDb } from '../store';
import { assumedBefore, changes, inverseOp, jobOp } from './itemOp';
import type { DoneItem, JobRecord, NewItem } from '../store';

/**
 * The items of the job that undoes `job`: for each follower it changed, the op that restores
 * their before-state (see inverseOp), with their state now as the new before-state, so an undo
 * can itself be undone. Followers the cache says are already back are skipped.
 */
export function undoItems(
  db: AccountDb,
  api: GroupApi,
  job: JobRecord,
  done: readonly DoneItem[],
): NewItem[] {
  const forward = jobOp(job.kind, job.api, job.params);
  const now = db.followerStates.of(
    api,
    done.map((d) => d.openid),
  );
  const byOp = new Map<string, NewItem[]>();
  for (const item of done) {
    const op = item.op ?? forward;
    if (!op) continue;
    const inverse = inverseOp(op, item.before ?? assumedBefore(op));
    if (!inverse) continue;
    const before = now.get(item.openid) ?? null;
    const key = JSON.stringify(inverse);
    let group = byOp.get(key);
    if (!group) byOp.set(key, (group = []));
    group.push({
      openid: item.openid,
      op: inverse,
      before,
      skipped: before !== null && !changes(inverse, before),
    });
  }
  // Items that share an op are stored next to each other so that chunks fill up.
  return [...byOp.values()].flat();
}
