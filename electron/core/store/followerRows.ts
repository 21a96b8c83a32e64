import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { GroupApi } from '#contract/accounts';
import type { FollowerRow } from '#contract/followers';
import { num, numOrNull, str, strOrNull, type SqlRow } from './sqlValues';

const ROW_COLUMNS = `openid, subscribed, subscribe_time, scene, qr_scene, qr_scene_str, remark, language,
  unionid, blacklisted, note, first_seen, last_seen`;

/** Reads whole follower rows (with their memberships in one API) for pages and single lookups. */
export class FollowerRows {
  private readonly one: StatementSync;
  private readonly oneGroups: StatementSync;
  private readonly many: StatementSync;
  private readonly manyGroups: StatementSync;

  constructor(db: DatabaseSync) {
    this.one = db.prepare(`SELECT ${ROW_COLUMNS} FROM followers WHERE openid = ?`);
    this.oneGroups = db.prepare(
      'SELECT group_id FROM follower_groups WHERE openid = ? AND api = ? ORDER BY group_id',
    );
    // One prepared statement for any window size: the openids travel as a JSON array.
    this.many = db.prepare(
      `SELECT ${ROW_COLUMNS} FROM followers WHERE openid IN (SELECT value FROM json_each(?))`,
    );
    this.manyGroups = db.prepare(
      `SELECT openid, group_id FROM follower_groups
       WHERE api = ? AND openid IN (SELECT value FROM json_each(?)) ORDER BY openid, group_id`,
    );
  }

  get(openid: string, api: GroupApi): FollowerRow | undefined {
    const row = this.one.get(openid);
    if (!row) return undefined;
    const groupIds = this.oneGroups.all(openid, api).map((r) => num(r.group_id));
    return toFollowerRow(row, groupIds);
  }

  /** The rows for `openids`, in that order (openids without a row are skipped). */
  getMany(openids: readonly string[], api: GroupApi): FollowerRow[] {
    if (openids.length === 0) return [];
    const json = JSON.stringify(openids);
    const groupIds = new Map<string, number[]>();
    for (const r of this.manyGroups.all(api, json)) {
      const openid = str(r.openid);
      let ids = groupIds.get(openid);
      if (!ids) groupIds.set(openid, (ids = []));
      ids.push(num(r.group_id));
    }
    const byOpenid = new Map<string, FollowerRow>();
    for (const r of this.many.all(json)) {
      const openid = str(r.openid);
      byOpenid.set(openid, toFollowerRow(r, groupIds.get(openid) ?? []));
    }
    const rows: FollowerRow[] = [];
    for (const openid of openids) {
      const row = byOpenid.get(openid);
      if (row) rows.push(row);
    }
    return rows;
  }
}

function toFollowerRow(r: SqlRow, groupIds: number[]): FollowerRow {
  return {
    openid: str(r.openid),
    subscribed: num(r.subscribed) === 1,
    subscribeTime: numOrNull(r.subscribe_time),
    scene: strOrNull(r.scene),
    qrScene: numOrNull(r.qr_scene),
    qrSceneStr: strOrNull(r.qr_scene_str),
    remark: str(r.remark),
    language: strOrNull(r.language),
    unionid: strOrNull(r.unionid),
    groupIds,
    blacklisted: num(r.blacklisted) === 1,
    note: str(r.note),
    firstSeen: num(r.first_seen),
    lastSeen: num(r.last_seen),
  };
}
