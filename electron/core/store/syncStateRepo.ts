import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { z } from 'zod';
import { str } from './sqlValues';
import type { Transact } from './transaction';

const LAST_SYNCED_AT = 'lastSyncedAt';

/** Small JSON values by key: sync checkpoints, the last full sync time. */
export class SyncStateRepo {
  private readonly read: StatementSync;
  private readonly write: StatementSync;
  private readonly remove: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly transact: Transact,
  ) {
    this.read = db.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.remove = db.prepare('DELETE FROM sync_state WHERE key = ?');
  }

  /**
   * The stored value, or undefined when there is none. With a schema, a value that does not fit
   * (written by an older build, say) also reads as undefined: a stale checkpoint means "start over".
   */
  get<T = unknown>(key: string, schema?: z.ZodType<T>): T | undefined {
    const row = this.read.get(key);
    if (!row) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(str(row.value));
    } catch {
      return undefined;
    }
    if (!schema) return value as T;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  /** Stores any JSON-serialisable value (undefined deletes the key). */
  set(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    this.transact(() => {
      if (json === undefined) this.remove.run(key);
      else this.write.run(key, json);
    });
  }

  delete(key: string): void {
    this.transact(() => this.remove.run(key));
  }

  /** When the last full sync finished (ms), or null if the cache was never synced. */
  lastSyncedAt(): number | null {
    const value = this.get(LAST_SYNCED_AT);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  setLastSyncedAt(ms: number): void {
    this.set(LAST_SYNCED_AT, ms);
  }
}
