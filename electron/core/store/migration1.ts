import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema version 1: groups of both APIs, followers, memberships, sync state.
 *
 * Filtering and sorting for `followers:query` run on an in-memory projection (followerIndex.ts):
 * measured at 100 000 followers, SQL joins through follower_groups and LIKE scans cost 40–140 ms
 * per query here, far over the 10 ms budget. So the indexes below serve what SQL still does:
 * point reads by openid (a page's rows, the projection's patches), memberships by follower
 * (page rows, setGroups) and by group (group delete, recount).
 */
export function migration1(db: DatabaseSync, now: number): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE groups (
      api        TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      id         INTEGER NOT NULL,
      name       TEXT    NOT NULL,
      count      INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (api, id)
    ) WITHOUT ROWID;

    -- Clustered by openid: every lookup is by openid, rows are small (remarks are < 30 bytes),
    -- and a full scan comes out in openid order, which the query index's tie-break order wants.
    CREATE TABLE followers (
      openid         TEXT    NOT NULL PRIMARY KEY,
      subscribed     INTEGER NOT NULL CHECK (subscribed IN (0, 1)),
      subscribe_time INTEGER,
      scene          TEXT,
      qr_scene       INTEGER,
      qr_scene_str   TEXT,
      remark         TEXT    NOT NULL DEFAULT '',
      language       TEXT,
      unionid        TEXT,
      blacklisted    INTEGER NOT NULL DEFAULT 0 CHECK (blacklisted IN (0, 1)),
      note           TEXT    NOT NULL DEFAULT '',
      first_seen     INTEGER NOT NULL,
      last_seen      INTEGER NOT NULL,
      seen_in_sync   TEXT
    ) WITHOUT ROWID;

    -- No foreign key to groups: a follower may carry a tag the cached group list does not know yet.
    CREATE TABLE follower_groups (
      openid   TEXT    NOT NULL REFERENCES followers (openid) ON DELETE CASCADE,
      api      TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      group_id INTEGER NOT NULL,
      PRIMARY KEY (openid, api, group_id)
    ) WITHOUT ROWID;
    -- Members of a group; the primary key columns ride along, so this covers (api, group_id, openid).
    CREATE INDEX follower_groups_by_group ON follower_groups (api, group_id);

    CREATE TABLE sync_state (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  db.prepare("INSERT INTO meta (key, value) VALUES ('created_at', ?)").run(String(now));
}
