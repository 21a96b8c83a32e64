import type { DatabaseSync } from 'node:sqlite';

export type Transact = <T>(fn: () => T) => T;

/**
 * Runs `fn` in a transaction: the outermost call is BEGIN IMMEDIATE (takes the write lock up front,
 * so two writers never deadlock on a lock upgrade), nested calls are savepoints, so repositories
 * can wrap their own writes and still compose inside a caller's larger transaction.
 * `onRollback` runs after any rollback (in-memory state that read uncommitted rows must reload).
 */
export function createTransact(db: DatabaseSync, onRollback: () => void = () => {}): Transact {
  let depth = 0;
  return <T>(fn: () => T): T => {
    const savepoint = depth === 0 ? null : `sp${depth}`;
    db.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
    depth++;
    let result: T;
    try {
      result = fn();
      if (isThenable(result)) {
        // node:sqlite is synchronous: an await inside would let other writes slip into this one.
        throw new TypeError('transaction callbacks must be synchronous');
      }
      db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
    } catch (error) {
      // SQLite may already have rolled everything back (e.g. SQLITE_FULL): then there is nothing to undo.
      if (db.isTransaction) {
        if (savepoint) {
          db.exec(`ROLLBACK TO ${savepoint}`);
          db.exec(`RELEASE ${savepoint}`);
        } else {
          db.exec('ROLLBACK');
        }
      }
      onRollback();
      throw error;
    } finally {
      depth--;
    }
    return result;
  };
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'then' in value &&
    typeof (value as { then: unknown }).then === 'function'
  );
}
