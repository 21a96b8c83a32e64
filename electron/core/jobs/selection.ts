import type { GroupApi } from '#contract/accounts';
import type { JobSelection } from '#contract/jobs';
import type { AccountDb } from '../store';
import type { BeforeState } from './itemOp';

/** A follower a job will touch, with their state in the cache now (null: not cached). */
export interface Selected {
  openid: string;
  before: BeforeState | null;
  /** `before` is from an earlier job (a retry of its failures), not the cache now. */
  original?: boolean;
}

const WINDOW = 500;

/**
 * The followers a selection names, in its order, each once. A query is evaluated against the
 * cache now, in windows, so the job keeps exactly the followers the user saw.
 */
export function selectFollowers(db: AccountDb, api: GroupApi, selection: JobSelection): Selected[] {
  if ('openids' in selection) {
    const openids = [...new Set(selection.openids)];
    const states = db.followerStates.of(api, openids);
    return openids.map((openid) => ({ openid, before: states.get(openid) ?? null }));
  }
  const out: Selected[] = [];
  const except = new Set(selection.except);
  for (let offset = 0; ; offset += WINDOW) {
    const page = db.followers.query({ ...selection.query, offset, limit: WINDOW }, api);
    for (const row of page.rows) {
      if (except.has(row.openid)) continue;
      out.push({ openid: row.openid, before: { groups: row.groupIds, blacklisted: row.blacklisted } });
    }
    if (page.rows.length < WINDOW || offset + WINDOW >= page.total) return out;
  }
}

/** Subscribed members of a group in the cache (followers who left carry no tags on WeChat). */
export function groupMembers(db: AccountDb, api: GroupApi, groupId: number): Selected[] {
  const openids = db.followerStates.subscribedMembers(api, groupId);
  const states = db.followerStates.of(api, openids);
  return openids.map((openid) => ({ openid, before: states.get(openid) ?? null }));
}
