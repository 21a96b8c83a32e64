import type { DatabaseSync } from 'node:sqlite';

/**
 * Schema version 4 (issue 17):
 * - job_items.applied: what of an item's op WeChat accepted when the item did not finish (tagged
 *   into B, then the untag from A failed), so undo reverses exactly what landed.
 * - jobs.partial: how many of a job's items carry such a leftover (undo is offered for them too).
 */
export function migration4(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE job_items ADD COLUMN applied TEXT;
    ALTER TABLE jobs ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
  `);
}
