// Loaded by the writer thread too (followerWriterThread.ts), where Node may run this file with
// only its types stripped: keep it to erasable syntax and type-only imports.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { GroupApi } from '#contract/accounts';
import type { FollowerUpsert } from './followerRepo';

// Bits of the upsert's "this field was given" mask (?13 in the statement).
const SET_TIME = 1;
const SET_SCENE = 2;
const SET_QR_SCENE = 4;
const SET_QR_SCENE_STR = 8;
const SET_LANGUAGE = 16;
const SET_UNIONID = 32;

/** Inserts a follower or updates the fields given (see FollowerUpsert); params from upsertOps. */
export const UPSERT_SQL = `
  INSERT INTO followers (openid, subscribed, subscribe_time, scene, qr_scene, qr_scene_str, remark,
    language, unionid, blacklisted, note, first_seen, last_seen, seen_in_sync)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ''), ?8, ?9, coalesce(?10, 0), '', ?11, ?11, ?12)
  ON CONFLICT (openid) DO UPDATE SET
    subscribed     = ?2,
    subscribe_time = CASE WHEN ?13 & ${SET_TIME} THEN ?3 ELSE subscribe_time END,
    scene          = CASE WHEN ?13 & ${SET_SCENE} THEN ?4 ELSE scene END,
    qr_scene       = CASE WHEN ?13 & ${SET_QR_SCENE} THEN ?5 ELSE qr_scene END,
    qr_scene_str   = CASE WHEN ?13 & ${SET_QR_SCENE_STR} THEN ?6 ELSE qr_scene_str END,
    remark         = coalesce(?7, remark),
    language       = CASE WHEN ?13 & ${SET_LANGUAGE} THEN ?8 ELSE language END,
    unionid        = CASE WHEN ?13 & ${SET_UNIONID} THEN ?9 ELSE unionid END,
    blacklisted    = coalesce(?10, blacklisted),
    last_seen      = ?11,
    seen_in_sync   = coalesce(?12, seen_in_sync)`;
const CLEAR_GROUPS_SQL = 'DELETE FROM follower_groups WHERE openid = ? AND api = ?';
export const ADD_GROUP_SQL = 'INSERT OR IGNORE INTO follower_groups (openid, api, group_id) VALUES (?, ?, ?)';
export const GROUPS_OF_SQL = 'SELECT group_id FROM follower_groups WHERE openid = ? AND api = ?';

/** One follower's writes: the upsert's parameters, and the memberships that replace theirs. */
export interface UpsertOp {
  params: SQLInputValue[];
  groups: { openid: string; api: GroupApi; ids: readonly number[] } | null;
}

/**
 * The writes for `rows`, in openid order: the followers table is clustered by openid, and rows
 * arrive from WeChat in random order — sorted, a batch touches each B-tree page once (measured
 * about 25 % faster per row at 100 000 followers).
 */
export function upsertOps(rows: readonly FollowerUpsert[], now: number, syncRun: string | null): UpsertOp[] {
  const sorted = [...rows].sort((a, b) => (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0));
  return sorted.map((r) => {
    const mask =
      (r.subscribeTime !== undefined ? SET_TIME : 0) |
      (r.scene !== undefined ? SET_SCENE : 0) |
      (r.qrScene !== undefined ? SET_QR_SCENE : 0) |
      (r.qrSceneStr !== undefined ? SET_QR_SCENE_STR : 0) |
      (r.language !== undefined ? SET_LANGUAGE : 0) |
      (r.unionid !== undefined ? SET_UNIONID : 0);
    return {
      params: [
        r.openid,
        r.subscribed ? 1 : 0,
        r.subscribeTime ?? null,
        r.scene ?? null,
        r.qrScene ?? null,
        r.qrSceneStr ?? null,
        r.remark ?? null,
        r.language ?? null,
        r.unionid ?? null,
        r.blacklisted === undefined ? null : r.blacklisted ? 1 : 0,
        now,
        syncRun,
        mask,
      ],
      groups: r.groupIds ? { openid: r.openid, api: r.groupApi, ids: r.groupIds } : null,
    };
  });
}

/**
 * The one follower upsert, on one connection: FollowerRepo's and the sync's writer thread's.
 * The caller holds the transaction.
 */
export class FollowerUpserter {
  private readonly upsert: StatementSync;
  private readonly groupsOf: StatementSync;
  private readonly clearGroups: StatementSync;
  private readonly addGroup: StatementSync;

  constructor(db: DatabaseSync) {
    this.upsert = db.prepare(UPSERT_SQL);
    this.groupsOf = db.prepare(GROUPS_OF_SQL);
    this.clearGroups = db.prepare(CLEAR_GROUPS_SQL);
    this.addGroup = db.prepare(ADD_GROUP_SQL);
  }

  /** Runs `ops` (from upsertOps) in order; memberships are rewritten only where they changed. */
  apply(ops: readonly UpsertOp[]): void {
    for (const op of ops) {
      this.upsert.run(...op.params);
      const groups = op.groups;
      if (!groups || this.hasExactly(groups)) continue;
      this.clearGroups.run(groups.openid, groups.api);
      for (const id of groups.ids) this.addGroup.run(groups.openid, groups.api, id);
    }
  }

  // Most followers keep their groups from one sync to the next: reading them is cheaper than
  // deleting and inserting them again.
  private hasExactly(groups: NonNullable<UpsertOp['groups']>): boolean {
    const had = this.groupsOf.all(groups.openid, groups.api);
    const wanted = new Set(groups.ids);
    return had.length === wanted.size && had.every((row) => wanted.has(Number(row.group_id)));
  }
}
