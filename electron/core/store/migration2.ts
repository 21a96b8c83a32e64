import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema version 2: durable bulk jobs (electron/core/jobs). A job is a row; each follower it
 * touches is an item row with its state and its before-state (for undo), so a job survives a
 * crash or restart and resumes exactly where it stopped.
 */
export function migration2(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE jobs (
      id           TEXT    NOT NULL PRIMARY KEY,
      kind         TEXT    NOT NULL,
      -- The group API the job was planned for; items are meaningless under the other one.
      api          TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      status       TEXT    NOT NULL
        CHECK (status IN ('queued', 'running', 'paused', 'done', 'cancelled', 'failed')),
      pause_reason TEXT    CHECK (pause_reason IN ('user', 'offline', 'quota', 'rate')),
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
    );
    CREATE INDEX jobs_by_status ON jobs (status, created_at);

    -- op: the item's own change as JSON when it differs from the job's (undo jobs); null otherwise.
    -- before: the follower's groups and blacklist flag when the job was planned (JSON), for undo.
    CREATE TABLE job_items (
      job_id  TEXT    NOT NULL,
      seq     INTEGER NOT NULL,
      openid  TEXT    NOT NULL,
      state   TEXT    NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'skipped')),
      op      TEXT,
      before  TEXT,
      code    TEXT,
      errcode INTEGER,
      PRIMARY KEY (job_id, seq)
    ) WITHOUT ROWID;
    -- The primary key rides along, so this also orders each state's items by seq.
    CREATE INDEX job_items_by_state ON job_items (job_id, state);
  `);
}
