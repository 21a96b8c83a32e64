import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { GroupApi } from '#contract/accounts';
import { num, str } from './sqlValues';

/** A follower's groups (ascending ids) and blacklist flag, as the cache has them. */
export interface MembershipState {
  groups: number[];
  blacklisted: boolean;
}

/** Openids per statement: json_each keeps one statement whatever the count. */
const WINDOW = 500;

/** Reads of followers' memberships for the jobs: what a job will change, and who is in a group. */
export class FollowerStates {
  private readonly statesStmt: StatementSync;
  private readonly membersStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.statesStmt = db.prepare(
      `SELECT f.openid AS openid, f.blacklisted AS blacklisted,
         (SELECT json_group_array(g.group_id) FROM follower_groups g
          WHERE g.openid = f.openid AND g.api = ?) AS groups
       FROM followers f WHERE f.openid IN (SELECT value FROM json_each(?))`,
    );
    this.membersStmt = db.prepare(
      `SELECT g.openid AS openid FROM follower_groups g JOIN followers f ON f.openid = g.openid
       WHERE g.api = ? AND g.group_id = ? AND f.subscribed = 1 ORDER BY g.openid`,
    );
  }

  /** The cached state of each of these followers the cache knows. */
  of(api: GroupApi, openids: readonly string[]): Map<string, MembershipState> {
    const states = new Map<string, MembershipState>();
    for (let i = 0; i < openids.length; i += WINDOW) {
      const window = JSON.stringify(openids.slice(i, i + WINDOW));
      for (const r of this.statesStmt.all(api, window)) {
        const groups = (JSON.parse(str(r.groups)) as number[]).sort((a, b) => a - b);
        states.set(str(r.openid), { groups, blacklisted: num(r.blacklisted) === 1 });
      }
    }
    return states;
  }

  /** Subscribed members of a group, by openid (followers who left carry no tags on WeChat). */
  subscribedMembers(api: GroupApi, groupId: number): string[] {
    return this.membersStmt.all(api, groupId).map((r) => str(r.openid));
  }
}
