// The follower writer's thread (see followerWriter.ts): its own connection to the account's cache,
// writing each batch in one transaction with the same upsert as FollowerRepo. Started as a module
// of its own: the .ts file under tsx and vitest (Node strips the types: hence the .ts import and
// type-only imports), out/main/followerWriterThread.js in the app (an entry in electron.vite.config.ts).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { FollowerUpserter } from './followerUpsert.ts';
import type { UpsertOp } from './followerUpsert.ts';

/** What the thread is started with. */
export interface WriterThreadData {
  file: string;
  /** Run once on the new connection. */
  pragmas: string;
}

/** A batch to write in one transaction, with the sync_state entry (key, JSON) that goes with it. */
export interface WriteRequest {
  id: number;
  ops: UpsertOp[];
  state: [string, string] | null;
}

/** Closes the connection once every write asked for before it is done. */
export interface CloseRequest {
  close: true;
}

export type WriterReply = { ready: true } | { id: number; error?: string };

const STATE_SQL =
  'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

function serve(port: NonNullable<typeof parentPort>, data: WriterThreadData): void {
  const db = new DatabaseSync(data.file);
  db.exec(data.pragmas);
  const upserter = new FollowerUpserter(db);
  const state = db.prepare(STATE_SQL);
  const reply = (message: WriterReply) => port.postMessage(message);

  port.on('message', (m: WriteRequest | CloseRequest) => {
    if ('close' in m) {
      db.close();
      port.close();
      return;
    }
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        upserter.apply(m.ops);
        if (m.state) state.run(m.state[0], m.state[1]);
        db.exec('COMMIT');
      } catch (e) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw e;
      }
      reply({ id: m.id });
    } catch (e) {
      reply({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  // Only now may writes come: a thread that cannot open the file fails before this, and the
  // writer falls back to writing inline.
  reply({ ready: true });
}

if (parentPort) serve(parentPort, workerData as WriterThreadData);
