import type { GroupApi } from '#contract/accounts';
import type { JobSelection } from '#contract/jobs';
import type { AccountDb } from '../store';
import { num, str } from '../store/sqlValues';
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
    const states = currentStates(db, api, openids);
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

/** The cached groups and blacklist flag of each follower the cache knows. */
export function currentStates(
  db: AccountDb,
  api: GroupApi,
  openids: readonly string[],
): Map<string, BeforeState> {
  const statement = db.sql.prepare(
    `SELECT f.openid AS openid, f.blacklisted AS blacklisted,
       (SELECT json_group_array(g.group_id) FROM follower_groups g
        WHERE g.openid = f.openid AND g.api = ?) AS groups
     FROM followers f WHERE f.openid IN (SELECT value FROM json_each(?))`,
  );
  const states = new Map<string, BeforeState>();
  for (let i = 0; i < openids.length; i += WINDOW) {
    const window = JSON.stringify(openids.slice(i, i + WINDOW));
    for (const r of statement.all(api, window)) {
      const groups = (JSON.parse(str(r.groups)) as number[]).sort((a, b) => a - b);
      states.set(str(r.openid), { groups, blacklisted: num(r.blacklisted) === 1 });
    }
  }
  return states;
}

/** Subscribed members of a group in the cache (followers who left carry no tags on WeChat). */
export function groupMembers(db: AccountDb, api: GroupApi, groupId: number): Selected[] {
  const openids = db.sql
    .prepare(
      `SELECT g.openid AS openid FROM follower_groups g JOIN followers f ON f.openid = g.openid
       WHERE g.api = ? AND g.group_id = ? AND f.subscribed = 1 ORDER BY g.openid`,
    )
    .all(api, groupId)
    .map((r) => str(r.openid));
  const states = currentStates(db, api, openids);
  return openids.map((openid) => ({ openid, before: states.get(openid) ?? null }));
}
