import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { GroupApi } from '#contract/accounts';
import type { GroupSummary } from '#contract/followers';
import { RESERVED_GROUP, RESERVED_GROUP_IDS } from '#contract/reservedGroups';
import type { FollowerIndex } from './followerIndex';
import { num, str } from './sqlValues';
import type { Transact } from './transaction';

export interface GroupInput {
  id: number;
  name: string;
  count: number;
}

/**
 * Cached groups of either API with their member counts. Counts mirror the server: set them from
 * tags/get or groups/get (replaceAll, upsert, setCount), or recompute them from the cached
 * memberships of subscribed followers (recount). Follower membership edits adjust them as they go.
 */
export class GroupRepo {
  private readonly listStmt: StatementSync;
  private readonly upsertStmt: StatementSync;
  private readonly renameStmt: StatementSync;
  private readonly countStmt: StatementSync;
  private readonly adjustStmt: StatementSync;
  private readonly deleteStmt: StatementSync;
  private readonly deleteMembers: StatementSync;
  private readonly memberCounts: StatementSync;
  private readonly legacyUngrouped: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly transact: Transact,
    private readonly now: () => number,
    private readonly index: FollowerIndex,
  ) {
    // Reserved groups first (星标组 has the highest reserved id), then the account's own.
    this.listStmt = db.prepare(
      `SELECT id, name, count FROM groups WHERE api = ? ORDER BY id > ${RESERVED_GROUP.starred}, id`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO groups (api, id, name, count, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (api, id) DO UPDATE SET name = excluded.name, count = excluded.count,
         updated_at = excluded.updated_at`,
    );
    this.renameStmt = db.prepare('UPDATE groups SET name = ?, updated_at = ? WHERE api = ? AND id = ?');
    this.countStmt = db.prepare('UPDATE groups SET count = ?, updated_at = ? WHERE api = ? AND id = ?');
    this.adjustStmt = db.prepare(
      'UPDATE groups SET count = max(0, count + ?), updated_at = ? WHERE api = ? AND id = ?',
    );
    this.deleteStmt = db.prepare('DELETE FROM groups WHERE api = ? AND id = ?');
    this.deleteMembers = db.prepare(
      'DELETE FROM follower_groups WHERE api = ? AND group_id = ? RETURNING openid',
    );
    this.memberCounts = db.prepare(
      `SELECT g.group_id AS id, count(*) AS n FROM follower_groups g JOIN followers f ON f.openid = g.openid
       WHERE g.api = ? AND f.subscribed = 1 GROUP BY g.group_id`,
    );
    this.legacyUngrouped = db.prepare(
      `SELECT count(*) AS n FROM followers f WHERE f.subscribed = 1
       AND NOT EXISTS (SELECT 1 FROM follower_groups g WHERE g.openid = f.openid AND g.api = 'groups')`,
    );
  }

  /** Reserved groups (RESERVED_GROUP: 未分组, 黑名单, 星标组) first, then by id. */
  list(api: GroupApi): GroupSummary[] {
    return this.listStmt.all(api).map((r) => {
      const id = num(r.id);
      return { id, name: str(r.name), count: num(r.count), api, system: RESERVED_GROUP_IDS.includes(id) };
    });
  }

  /**
   * Makes the cached list exactly `groups` (a fresh tags/get or groups/get). Groups no longer
   * listed were deleted on the server, which also removed them from every follower: so here too.
   */
  replaceAll(api: GroupApi, groups: readonly GroupInput[]): void {
    this.transact(() => {
      const keep = new Set(groups.map((g) => g.id));
      for (const r of this.listStmt.all(api)) {
        const id = num(r.id);
        if (!keep.has(id)) this.remove(api, id);
      }
      const now = this.now();
      for (const g of groups) this.upsertStmt.run(api, g.id, g.name, g.count, now);
    });
  }

  upsert(api: GroupApi, group: GroupInput): void {
    this.transact(() => this.upsertStmt.run(api, group.id, group.name, group.count, this.now()));
  }

  /** False when the group is not in the cache. */
  rename(api: GroupApi, id: number, name: string): boolean {
    return this.transact(() => this.renameStmt.run(name, this.now(), api, id).changes > 0);
  }

  /** Removes the group and every membership in it (legacy members thereby fall back to 未分组). */
  remove(api: GroupApi, id: number): boolean {
    return this.transact(() => {
      const members = this.deleteMembers.all(api, id).map((r) => str(r.openid));
      this.index.touch(members);
      return this.deleteStmt.run(api, id).changes > 0;
    });
  }

  setCount(api: GroupApi, id: number, count: number): boolean {
    return this.transact(() => this.countStmt.run(count, this.now(), api, id).changes > 0);
  }

  /** For follower membership edits: count += delta (never below 0). */
  adjustCount(api: GroupApi, id: number, delta: number): void {
    if (delta !== 0) this.adjustStmt.run(delta, this.now(), api, id);
  }

  /**
   * Recomputes every group's count from the cache: subscribed followers with the membership; for
   * the legacy API, 未分组 also counts subscribed followers without any group.
   */
  recount(api: GroupApi): void {
    this.transact(() => {
      const counts = new Map<number, number>();
      for (const r of this.memberCounts.all(api)) counts.set(num(r.id), num(r.n));
      if (api === 'groups') {
        const ungrouped = RESERVED_GROUP.ungrouped;
        counts.set(ungrouped, (counts.get(ungrouped) ?? 0) + num(this.legacyUngrouped.get()?.n));
      }
      const now = this.now();
      for (const r of this.listStmt.all(api)) {
        const id = num(r.id);
        this.countStmt.run(counts.get(id) ?? 0, now, api, id);
      }
    });
  }
}
