import { Worker } from 'node:worker_threads';
import type { AccountDb } from './accountDb';
import type { FollowerUpsert } from './followerRepo';
import { ADD_GROUP_SQL, CLEAR_GROUPS_SQL, UPSERT_SQL, upsertOps, type UpsertOp } from './followerUpsert';
import { CONNECTION_PRAGMAS } from './openDatabase';

/** A sync_state entry written in the same transaction as a batch of followers (the checkpoint). */
export interface StateEntry {
  key: string;
  value: unknown;
}

/** Where a sync stores the followers it fetched: batches are written in order, one transaction each. */
export interface FollowerWriter {
  /** Where the writes run (a worker thread, or this one when none could start). */
  readonly where: 'thread' | 'inline';
  write(rows: readonly FollowerUpsert[], syncRun: string, state?: StateEntry): Promise<void>;
  /** Waits for the writes already asked for, then lets go of the connection. */
  close(): Promise<void>;
}

/** On the account's own connection, in this thread (blocks it while SQLite writes). */
export function inlineFollowerWriter(db: AccountDb): FollowerWriter {
  return {
    where: 'inline',
    write: async (rows, syncRun, state) => {
      db.transaction(() => {
        db.followers.upsertMany(rows, syncRun);
        if (state) db.syncState.set(state.key, state.value);
      });
    },
    close: async () => undefined,
  };
}

/**
 * On a connection of its own in a worker thread. Writing 100 000 followers costs SQLite about 2 s
 * of CPU; on the main thread that stalls every request in flight (a sync measured 1.4× its lower
 * bound for it), here it overlaps the network waits. The main connection sees the commits through
 * WAL, and its query index reloads when PRAGMA data_version moves. Falls back to writing inline
 * where no worker can start.
 */
export function openFollowerWriter(db: AccountDb): FollowerWriter {
  if (db.file === ':memory:') return inlineFollowerWriter(db);
  let worker: Worker;
  try {
    worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: {
        file: db.file,
        // This connection only upserts followers and adds memberships of the follower it just
        // upserted, so the foreign key (there to cascade deletes) always holds: checking it cost
        // about a quarter of the write time.
        pragmas: `${CONNECTION_PRAGMAS} PRAGMA foreign_keys = OFF;`,
        sql: {
          upsert: UPSERT_SQL,
          groupsOf: GROUPS_OF_SQL,
          clear: CLEAR_GROUPS_SQL,
          add: ADD_GROUP_SQL,
          state: STATE_SQL,
        },
      },
    });
  } catch {
    return inlineFollowerWriter(db);
  }
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error === undefined) w?.resolve();
    else w?.reject(new Error(`follower write failed: ${m.error}`));
  });
  worker.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', () => failAll(new Error('follower writer stopped')));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  return {
    where: 'thread',
    write: (rows, syncRun, state) => {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      const message: WriteMessage = {
        id,
        ops: upsertOps(rows, db.now(), syncRun),
        state: state ? [state.key, JSON.stringify(state.value)] : null,
      };
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage(message);
      });
    },
    close: async () => {
      // The thread handles messages in order: it closes after every write asked for before.
      if (!broken) worker.postMessage({ close: true });
      await exited;
    },
  };
}

interface WriteMessage {
  id: number;
  ops: UpsertOp[];
  state: [string, string] | null;
}

const GROUPS_OF_SQL = 'SELECT group_id FROM follower_groups WHERE openid = ? AND api = ?';
const STATE_SQL =
  'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

// The worker's whole program, as plain JavaScript evaluated in the thread: no bundler entry or
// loader is needed, so it runs the same under Electron, the browser host and the tests.
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec(workerData.pragmas);
const upsert = db.prepare(workerData.sql.upsert);
const clear = db.prepare(workerData.sql.clear);
const add = db.prepare(workerData.sql.add);
const state = db.prepare(workerData.sql.state);
const groupsOf = db.prepare(workerData.sql.groupsOf);
// Most followers keep their groups from one sync to the next: reading them is cheaper than
// deleting and inserting them again.
function sameGroups(g) {
  const had = groupsOf.all(g.openid, g.api);
  if (had.length !== g.ids.length) return false;
  const wanted = new Set(g.ids);
  return had.every((row) => wanted.has(row.group_id));
}
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const op of m.ops) {
        upsert.run(...op.params);
        if (op.groups && !sameGroups(op.groups)) {
          clear.run(op.groups.openid, op.groups.api);
          for (const id of op.groups.ids) add.run(op.groups.openid, op.groups.api, id);
        }
      }
      if (m.state) state.run(m.state[0], m.state[1]);
      db.exec('COMMIT');
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
    parentPort.postMessage({ id: m.id });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;
