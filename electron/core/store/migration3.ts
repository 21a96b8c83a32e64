import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema version 3 (issue 17):
 * - job_items.applied: what of an item's op WeChat accepted when the item did not finish (tagged
 *   into B, then the untag from A failed), so undo reverses exactly what landed.
 * - jobs.partial: how many of a job's items carry such a leftover (undo is offered for them too).
 * - jobs.pause_reason loses its CHECK: the contract's zod schema checks it on every read, and new
 *   reasons (a lasting server error) need no table rebuild.
 */
export function migration3(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE job_items ADD COLUMN applied TEXT;
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
      partial      INTEGER NOT NULL DEFAULT 0,
      created_at   INTEGER NOT NULL,
      started_at   INTEGER,
      finished_at  INTEGER,
      undo_of      TEXT,
      undone_by    TEXT,
      last_error   TEXT
    );
    INSERT INTO jobs_v3 (id, kind, api, status, pause_reason, resume_at, params, total, succeeded,
      failed, skipped, created_at, started_at, finished_at, undo_of, undone_by, last_error)
    SELECT id, kind, api, status, pause_reason, resume_at, params, total, succeeded,
      failed, skipped, created_at, started_at, finished_at, undo_of, undone_by, last_error FROM jobs;
    DROP TABLE jobs;
    ALTER TABLE jobs_v3 RENAME TO jobs;
    CREATE INDEX jobs_by_status ON jobs (status, created_at);
  `);
}
