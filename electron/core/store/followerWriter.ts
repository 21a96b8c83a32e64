import { Worker } from 'node:worker_threads';
import type { AccountDb } from './accountDb';
import type { FollowerUpsert } from './followerRepo';
import { upsertOps } from './followerUpsert';
import type { CloseRequest, WriteRequest, WriterReply, WriterThreadData } from './followerWriterThread';
import { CONNECTION_PRAGMAS } from './openDatabase';

/** A sync_state entry written in the same transaction as a batch of followers (the checkpoint). */
export interface StateEntry {
  key: string;
  value: unknown;
}

/** Where a sync stores the followers it fetched: batches are written in order, one transaction each. */
export interface FollowerWriter {
  /**
   * Where the writes run: a worker thread, or this one when none could start (a thread that
   * fails while starting turns its writer inline, so this can change once, before the first write).
   */
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
 * The thread's module, next to this one: the TypeScript source when this runs from source (tsx,
 * vitest), the built entry out/main/followerWriterThread.js next to out/main/index.js in the app.
 */
export function writerThreadModule(): URL {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./followerWriterThread.${extension}`, import.meta.url);
}

export interface FollowerWriterOptions {
  /** The thread's module (tests point it elsewhere to see the fallback). */
  threadModule?: URL;
}

/**
 * On a connection of its own in a worker thread. Writing 100 000 followers costs SQLite about 2 s
 * of CPU; on the main thread that stalls every request in flight (a sync measured 1.4× its lower
 * bound for it), here it overlaps the network waits. The main connection sees the commits through
 * WAL, and its query index reloads when PRAGMA data_version moves. Falls back to writing inline
 * where no worker can start (or its module cannot load: then writes wait for it to fail first).
 */
export function openFollowerWriter(db: AccountDb, options: FollowerWriterOptions = {}): FollowerWriter {
  if (db.file === ':memory:') return inlineFollowerWriter(db);
  const workerData: WriterThreadData = {
    file: db.file,
    // This connection only upserts followers and adds memberships of the follower it just
    // upserted, so the foreign key (there to cascade deletes) always holds: checking it cost
    // about a quarter of the write time.
    pragmas: `${CONNECTION_PRAGMAS} PRAGMA foreign_keys = OFF;`,
  };
  let worker: Worker;
  try {
    worker = new Worker(options.threadModule ?? writerThreadModule(), { workerData });
  } catch {
    return inlineFollowerWriter(db);
  }
  const inline = inlineFollowerWriter(db);
  let where: FollowerWriter['where'] = 'thread';
  // True once the thread has its connection; false when it stopped before that.
  let settleStart: (started: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => (settleStart = resolve));
  void started.then((ok) => {
    if (!ok) where = 'inline';
  });

  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    settleStart(false);
    broken ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (m: WriterReply) => {
    if ('ready' in m) {
      settleStart(true);
      return;
    }
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error === undefined) w?.resolve();
    else w?.reject(new Error(`follower write failed: ${m.error}`));
  });
  worker.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', () => failAll(new Error('follower writer stopped')));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  return {
    get where() {
      return where;
    },
    // Every write waits for the same start, so they still reach the thread (or run inline) in order.
    write: async (rows, syncRun, state) => {
      if (!(await started)) return inline.write(rows, syncRun, state);
      if (broken) throw broken;
      const id = nextId++;
      const message: WriteRequest = {
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
      if ((await started) && !broken) worker.postMessage({ close: true } satisfies CloseRequest);
      await exited;
    },
  };
}
