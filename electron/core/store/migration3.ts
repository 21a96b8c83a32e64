import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema version 3: jobs.pause_reason loses its CHECK, so a new pause reason (`ip`, WeChat
 * refusing this computer's IP) needs no table rebuild again; the contract's zod schema checks the
 * value on every read. SQLite cannot drop a CHECK in place: the table is copied.
 */
export function migration3(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE jobs_v3 (
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
    );
    INSERT INTO jobs_v3 SELECT * FROM jobs;
    DROP TABLE jobs;
    ALTER TABLE jobs_v3 RENAME TO jobs;
    CREATE INDEX jobs_by_status ON jobs (status, created_at);
  `);
}
