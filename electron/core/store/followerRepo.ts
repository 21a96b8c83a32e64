import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { GroupApi } from '#contract/accounts';
import {
  followerQuerySchema,
  type FollowerPage,
  type FollowerQueryInput,
  type FollowerRow,
} from '#contract/followers';
import type { FollowerIndex } from './followerIndex';
import { evaluateQuery } from './followerQuery';
import { FollowerRows } from './followerRows';
import type { GroupRepo } from './groupRepo';
import { num, str } from './sqlValues';
import type { Transact } from './transaction';
import { LocalChanges } from './localChanges';
import { ADD_GROUP_SQL, FollowerUpserter, GROUPS_OF_SQL, upsertOps } from './followerUpsert';
import { RESERVED_GROUP } from '#contract/reservedGroups';

/**
 * One follower as WeChat reported it (user/info, batchget). Absent fields keep what the cache
 * has (a batchget answer for someone who left carries little more than `subscribe: 0`); `null`
 * stores null. The local note and first-seen time are never touched by an upsert.
 */
export type FollowerUpsert = FollowerFields & FollowerMemberships;

export interface FollowerFields {
  openid: string;
  subscribed: boolean;
  /** Unix seconds. */
  subscribeTime?: number | null;
  scene?: string | null;
  qrScene?: number | null;
  qrSceneStr?: string | null;
  remark?: string;
  language?: string | null;
  unionid?: string | null;
  blacklisted?: boolean;
}

/** Memberships are replaced only when given, and then always for a named API. */
export type FollowerMemberships =
  { groupIds?: undefined; groupApi?: GroupApi } | { groupIds: readonly number[]; groupApi: GroupApi };

/** The filter part of a query, for `count` (defaults as in a query: subscribed followers only). */
export type FollowerCountFilter = Omit<FollowerQueryInput, 'sort' | 'offset' | 'limit'>;

export class FollowerRepo {
  /** What this app changed itself, for a sync running at the same time. */
  readonly localChanges = new LocalChanges();
  private readonly rows: FollowerRows;
  private readonly qrSceneStmt: StatementSync;
  private readonly upserter: FollowerUpserter;
  private readonly addGroupStmt: StatementSync;
  private readonly removeGroupStmt: StatementSync;
  private readonly groupsOfStmt: StatementSync;
  private readonly subscribedStmt: StatementSync;
  private readonly noteStmt: StatementSync;
  private readonly remarkStmt: StatementSync;
  private readonly blacklistStmt: StatementSync;
  private readonly unfollowStmt: StatementSync;
  private readonly restampStmt: StatementSync;
  private readonly unblacklistOthersStmt: StatementSync;
  private readonly blacklistListedStmt: StatementSync;
  private readonly notesStmt: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly transact: Transact,
    private readonly now: () => number,
    private readonly index: FollowerIndex,
    private readonly groups: GroupRepo,
    private readonly lastSyncedAt: () => number | null,
  ) {
    this.rows = new FollowerRows(db);
    // The QR-code filter is rare and its columns are not in the in-memory index: ask SQLite.
    this.qrSceneStmt = db.prepare(
      `SELECT openid FROM followers
       WHERE qr_scene_str = ?1 OR (qr_scene IS NOT NULL AND qr_scene != 0 AND CAST(qr_scene AS TEXT) = ?1)`,
    );
    this.notesStmt = db.prepare("SELECT openid, note FROM followers WHERE note <> ''");
    this.upserter = new FollowerUpserter(db);
    this.addGroupStmt = db.prepare(ADD_GROUP_SQL);
    this.removeGroupStmt = db.prepare(
      'DELETE FROM follower_groups WHERE openid = ? AND api = ? AND group_id = ?',
    );
    this.groupsOfStmt = db.prepare(GROUPS_OF_SQL);
    this.subscribedStmt = db.prepare('SELECT subscribed FROM followers WHERE openid = ?');
    this.noteStmt = db.prepare('UPDATE followers SET note = ? WHERE openid = ?');
    this.remarkStmt = db.prepare('UPDATE followers SET remark = ? WHERE openid = ?');
    this.blacklistStmt = db.prepare(
      'UPDATE followers SET blacklisted = ?1 WHERE openid = ?2 AND blacklisted <> ?1',
    );
    this.unblacklistOthersStmt = db.prepare(
      `UPDATE followers SET blacklisted = 0
       WHERE blacklisted = 1 AND openid NOT IN (SELECT value FROM json_each(?)) RETURNING openid`,
    );
    this.blacklistListedStmt = db.prepare(
      `UPDATE followers SET blacklisted = 1
       WHERE blacklisted = 0 AND openid IN (SELECT value FROM json_each(?)) RETURNING openid`,
    );
    this.restampStmt = db.prepare(
      `UPDATE followers SET seen_in_sync = ?1
       WHERE seen_in_sync IN (?1, ?2) AND openid IN (SELECT value FROM json_each(?3)) RETURNING openid`,
    );
    this.unfollowStmt = db.prepare(
      'UPDATE followers SET subscribed = 0 WHERE subscribed = 1 AND seen_in_sync IS NOT ? RETURNING openid',
    );
  }

  /**
   * Inserts or updates followers in one transaction (the sync's hot path: prepared statements,
   * no per-row validation; the same upsert as the sync's writer thread, see FollowerUpserter).
   * `syncRun` records which sync listed them, for markUnfollowedExcept.
   * Group counts are left alone: a sync sets them from the server (groups.replaceAll) or recounts.
   */
  upsertMany(rows: readonly FollowerUpsert[], syncRun?: string): number {
    if (rows.length === 0) return 0;
    const ops = upsertOps(rows, this.now(), syncRun ?? null);
    this.transact(() => this.upserter.apply(ops));
    this.index.touch(rows.map((r) => r.openid));
    return rows.length;
  }

  /** The follower with memberships in `api`, or undefined if not cached. */
  get(openid: string, api: GroupApi = 'tags'): FollowerRow | undefined {
    return this.rows.get(openid, api);
  }

  /** Every non-empty local note, by openid. */
  notes(): Map<string, string> {
    const notes = new Map<string, string>();
    for (const r of this.notesStmt.iterate()) notes.set(str(r.openid), str(r.note));
    return notes;
  }

  /** Sets the local note (never sent to WeChat). False when the follower is not cached. */
  setNote(openid: string, note: string): boolean {
    return this.updateOne(this.noteStmt, note, openid);
  }

  /** Records a remark WeChat accepted. False when the follower is not cached. */
  setRemark(openid: string, remark: string): boolean {
    const changed = this.updateOne(this.remarkStmt, remark, openid);
    if (changed) this.localChanges.note([openid]);
    return changed;
  }

  /** Replaces the follower's memberships in `api`; counts follow. False when not cached. */
  setGroups(openid: string, api: GroupApi, ids: readonly number[]): boolean {
    return this.editMemberships([openid], api, () => [...new Set(ids)]) === 1;
  }

  /** Adds each follower to the group; returns how many were not in it yet. */
  addToGroup(openids: readonly string[], api: GroupApi, groupId: number): number {
    return this.editMemberships(openids, api, (ids) => (ids.includes(groupId) ? null : [...ids, groupId]));
  }

  /** Removes each follower from the group; returns how many were in it. */
  removeFromGroup(openids: readonly string[], api: GroupApi, groupId: number): number {
    return this.editMemberships(openids, api, (ids) =>
      ids.includes(groupId) ? ids.filter((id) => id !== groupId) : null,
    );
  }

  /** Puts each follower in exactly this group (the legacy API's move); returns how many changed. */
  moveToGroup(openids: readonly string[], api: GroupApi, groupId: number): number {
    return this.editMemberships(openids, api, (ids) =>
      ids.length === 1 && ids[0] === groupId ? null : [groupId],
    );
  }

  /** Returns how many followers changed state. */
  setBlacklisted(openids: readonly string[], blacklisted: boolean): number {
    const flag = blacklisted ? 1 : 0;
    const changed: string[] = [];
    this.transact(() => {
      for (const openid of new Set(openids)) {
        if (this.blacklistStmt.run(flag, openid).changes > 0) changed.push(openid);
      }
    });
    this.index.touch(changed);
    this.localChanges.note(changed, true);
    return changed.length;
  }

  /** Makes exactly these followers the blacklisted ones (a full getblacklist); returns how many changed. */
  replaceBlacklist(openids: readonly string[]): number {
    const changed = this.transact(() => {
      const json = JSON.stringify([...new Set(openids)]);
      return [...this.unblacklistOthersStmt.all(json), ...this.blacklistListedStmt.all(json)].map((r) =>
        str(r.openid),
      );
    });
    this.index.touch(changed);
    return changed.length;
  }

  /**
   * A sync's second listing: of `openids`, those the run `from` (or `to` already) stored now count
   * as listed by `to`. Returns the ones it had not stored: they arrived while the run paged.
   */
  restampListed(openids: readonly string[], from: string, to: string): string[] {
    const stamped = new Set(
      this.transact(() => this.restampStmt.all(to, from, JSON.stringify(openids)).map((r) => str(r.openid))),
    );
    return openids.filter((o) => !stamped.has(o));
  }

  /**
   * After a complete sync run: subscribed followers that run did not list have left. Returns how
   * many were marked unfollowed (their memberships stay; counts are the caller's to refresh).
   */
  markUnfollowedExcept(syncRun: string): number {
    const left = this.transact(() => this.unfollowStmt.all(syncRun).map((r) => str(r.openid)));
    this.index.touch(left);
    return left.length;
  }

  /** How many followers match a filter (by default: subscribed ones). */
  count(filter: FollowerCountFilter = {}, api: GroupApi = 'tags'): number {
    const parsed = followerQuerySchema.parse(filter);
    this.index.refresh();
    return evaluateQuery(this.index, { ...parsed, limit: 0 }, api, this.qrSceneMarks(parsed.qrScene)).total;
  }

  /** Filters, sorts and windows the cache: see followerQuerySchema for the semantics. */
  query(query: FollowerQueryInput, api: GroupApi): FollowerPage {
    const q = followerQuerySchema.parse(query);
    this.index.refresh();
    const { total, slots } = evaluateQuery(this.index, q, api, this.qrSceneMarks(q.qrScene));
    const openids = slots.map((slot) => this.index.openids[slot]);
    return {
      rows: this.rows.getMany(openids, api),
      total,
      offset: q.offset,
      lastSyncedAt: this.lastSyncedAt(),
    };
  }

  /** Followers who came through this channel QR code, as index marks (null: no such filter). */
  private qrSceneMarks(qrScene: string | undefined): Uint8Array | null {
    if (qrScene === undefined) return null;
    const marks = new Uint8Array(this.index.size);
    this.index.markOpenids(
      this.qrSceneStmt.all(qrScene).map((r) => str(r.openid)),
      marks,
    );
    return marks;
  }

  /** Loads the query index ahead of the first query (≈0.3 s at 100 000 followers). */
  warm(api: GroupApi = 'tags'): void {
    for (const _ of this.warmSteps(api)) {
      // Each step runs as the loop asks for it.
    }
  }

  /**
   * The same, in steps of a few tens of milliseconds (each `next()` runs one), for a caller that
   * lets other work run in between: the browser host serves the window's files on this thread.
   */
  *warmSteps(api: GroupApi = 'tags'): Generator<void, void, undefined> {
    yield* this.index.loadInSlices();
    this.index.refresh();
    yield;
    this.index.membership(api);
    yield;
    this.index.byTime.ensure(this.index.size);
  }

  /**
   * For code that writes the followers or follower_groups tables without this repository:
   * re-read these followers (or everything) before the next query.
   */
  invalidate(openids?: readonly string[]): void {
    if (openids) this.index.touch(openids);
    else this.index.invalidate();
  }

  private updateOne(statement: StatementSync, value: string, openid: string): boolean {
    const changed = this.transact(() => statement.run(value, openid).changes > 0);
    if (changed) this.index.touch([openid]);
    return changed;
  }

  /**
   * Applies `next(currentIds)` (null = unchanged) to each cached follower's memberships in `api`
   * and moves group counts by the difference for subscribed followers. Returns how many changed.
   */
  private editMemberships(
    openids: readonly string[],
    api: GroupApi,
    next: (ids: number[]) => number[] | null,
  ): number {
    const changed: string[] = [];
    this.transact(() => {
      const deltas = new Map<number, number>();
      for (const openid of new Set(openids)) {
        const subscribed = this.subscribedStmt.get(openid)?.subscribed;
        if (subscribed === undefined) continue;
        const before = this.groupsOfStmt.all(openid, api).map((r) => num(r.group_id));
        const after = next(before);
        if (after === null) continue;
        for (const id of before) if (!after.includes(id)) this.removeGroupStmt.run(openid, api, id);
        for (const id of after) if (!before.includes(id)) this.addGroupStmt.run(openid, api, id);
        changed.push(openid);
        if (num(subscribed) !== 1) continue;
        for (const id of countedGroups(api, before)) deltas.set(id, (deltas.get(id) ?? 0) - 1);
        for (const id of countedGroups(api, after)) deltas.set(id, (deltas.get(id) ?? 0) + 1);
      }
      for (const [id, delta] of deltas) this.groups.adjustCount(api, id, delta);
    });
    this.index.touch(changed);
    this.localChanges.note(changed);
    return changed.length;
  }
}

/** The groups a follower counts towards: in the legacy API, no group at all means group 0 (未分组). */
function countedGroups(api: GroupApi, ids: readonly number[]): readonly number[] {
  if (api !== 'groups') return ids;
  const real = ids.filter((id) => id !== RESERVED_GROUP.ungrouped);
  return real.length > 0 ? real : [RESERVED_GROUP.ungrouped];
}
