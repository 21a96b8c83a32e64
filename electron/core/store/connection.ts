import type { DatabaseSync } from 'node:sqlite';
import type { AccountDb } from './accountDb';

// Store-internal: index.ts does not export this file, and lint keeps code outside store/ from
// importing it, so all SQL stays in store/ (tests may reach it, to break a database on purpose).
const connections = new WeakMap<AccountDb, DatabaseSync>();

/** Records the connection behind an account's cache (openAccountDb does, once). */
export function attachConnection(db: AccountDb, sql: DatabaseSync): void {
  connections.set(db, sql);
}

/** The raw connection of an account's cache, for the store's own repositories (e.g. JobStore). */
export function connectionOf(db: AccountDb): DatabaseSync {
  const sql = connections.get(db);
  if (!sql) throw new Error(`no connection for the cache at ${db.file}: open it with openAccountDb`);
  return sql;
}
