-- The schema of a fresh account cache after every migration (electron/core/store/migrations.ts),
-- as tests/unit/store/schemaSnapshot.test.ts reads it from sqlite_master. A migration that changes
-- it must come with an update of this file, made on purpose and reviewed.

PRAGMA user_version = 4;

-- index follower_groups_by_group on follower_groups
CREATE INDEX follower_groups_by_group ON follower_groups (api, group_id);

-- index job_items_by_state on job_items
CREATE INDEX job_items_by_state ON job_items (job_id, state);

-- index jobs_by_status on jobs
CREATE INDEX jobs_by_status ON jobs (status, created_at);

-- index sqlite_autoindex_jobs_1 on jobs
-- (implicit: no SQL)

-- table follower_groups on follower_groups
CREATE TABLE follower_groups (
      openid   TEXT    NOT NULL REFERENCES followers (openid) ON DELETE CASCADE,
      api      TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      group_id INTEGER NOT NULL,
      PRIMARY KEY (openid, api, group_id)
    ) WITHOUT ROWID;

-- table followers on followers
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

-- table groups on groups
CREATE TABLE groups (
      api        TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      id         INTEGER NOT NULL,
      name       TEXT    NOT NULL,
      count      INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (api, id)
    ) WITHOUT ROWID;

-- table job_items on job_items
CREATE TABLE job_items (
      job_id  TEXT    NOT NULL,
      seq     INTEGER NOT NULL,
      openid  TEXT    NOT NULL,
      state   TEXT    NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'skipped')),
      op      TEXT,
      before  TEXT,
      code    TEXT,
      errcode INTEGER, applied TEXT,
      PRIMARY KEY (job_id, seq)
    ) WITHOUT ROWID;

-- table jobs on jobs
CREATE TABLE "jobs" (
      id           TEXT    NOT NULL PRIMARY KEY,
      kind         TEXT    NOT NULL,
      api          TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      status       TEXT    NOT NULL
        CHECK (status IN ('queued', 'running', 'paused', 'done', 'cancelled', 'failed')),
      pause_reason TEXT,
      resume_at    INTEGER,
      params       TEXT    NOT NULL,
      total        INTEGER NOT NULL DEFAULT 0,
      succeeded    INTEGER NOT NULL DEFAULT 0,
      failed       INTEGER NOT NULL DEFAULT 0,
      skipped      INTEGER NOT NULL DEFAULT 0,
      created_at   INTEGER NOT NULL,
      started_at   INTEGER,
      finished_at  INTEGER,
      undo_of      TEXT,
      undone_by    TEXT,
      last_error   TEXT
    , partial INTEGER NOT NULL DEFAULT 0);

-- table meta on meta
CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

-- table sync_state on sync_state
CREATE TABLE sync_state (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
