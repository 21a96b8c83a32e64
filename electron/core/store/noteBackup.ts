import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { str } from './sqlValues';
import { ensurePrivateFile } from './privateFiles';

/**
 * The owner's local notes exist nowhere else (WeChat never sees them), so each one is also kept
 * in a small database of its own next to the cache (notes.sqlite). A damaged cache can be rebuilt
 * from WeChat; its notes come back from here. Rollback journal with full sync: writes are rare
 * (one per saved note) and must survive a power loss on their own.
 */
export class NoteBackup {
  private readonly db: DatabaseSync;
  private readonly putStmt: StatementSync;
  private readonly deleteStmt: StatementSync;

  constructor(file: string) {
    ensurePrivateFile(file, ['-journal']);
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = DELETE;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS notes (
        openid     TEXT NOT NULL PRIMARY KEY,
        note       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
    this.putStmt = this.db.prepare(
      `INSERT INTO notes (openid, note, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (openid) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = this.db.prepare('DELETE FROM notes WHERE openid = ?');
  }

  /** Keeps a note (an empty one is removed). */
  put(openid: string, note: string, now: number): void {
    if (note === '') this.deleteStmt.run(openid);
    else this.putStmt.run(openid, note, now);
  }

  /** Many at once, in one transaction (a one-time copy of an older cache's notes, a salvage). */
  putMany(notes: ReadonlyMap<string, string>, now: number): void {
    if (notes.size === 0) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const [openid, note] of notes) this.put(openid, note, now);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  all(): Map<string, string> {
    const notes = new Map<string, string>();
    for (const r of this.db.prepare('SELECT openid, note FROM notes').iterate())
      notes.set(str(r.openid), str(r.note));
    return notes;
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 AS one FROM notes LIMIT 1').get() === undefined;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
