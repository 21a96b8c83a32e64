import type { DatabaseSync } from 'node:sqlite';
import { createJobsTable } from './jobsTable';

/**
 * Schema version 2: durable bulk jobs (electron/core/jobs). A job is a row; each follower it
 * touches is an item row with its state and its before-state (for undo), so a job survives a
 * crash or restart and resumes exactly where it stopped.
 */
export function migration2(db: DatabaseSync): void {
  db.exec(`${createJobsTable('jobs', ['user', 'offline', 'quota', 'rate'])}
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
