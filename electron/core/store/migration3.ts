import type { DatabaseSync } from 'node:sqlite';
import { createJobsTable } from './jobsTable';

/**
 * Schema version 3: jobs.pause_reason loses its CHECK, so a new pause reason (`ip`, WeChat
 * refusing this computer's IP) needs no table rebuild again; the contract's zod schema checks the
 * value on every read. SQLite cannot drop a CHECK in place: the table is copied.
 */
export function migration3(db: DatabaseSync): void {
  db.exec(`${createJobsTable('jobs_v3', 'unchecked')}
    INSERT INTO jobs_v3 SELECT * FROM jobs;
    DROP TABLE jobs;
    ALTER TABLE jobs_v3 RENAME TO jobs;
    CREATE INDEX jobs_by_status ON jobs (status, created_at);
  `);
}
