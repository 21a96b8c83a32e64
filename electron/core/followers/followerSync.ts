import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { chunk, pullConcurrently, throttle } from '../concurrency';
import type { GroupBackend } from '../groups/groupBackend';
import { inlineFollowerWriter, type AccountDb, type FollowerUpsert, type FollowerWriter } from '../store';
import { SyncMeter } from './syncMeter';
import { getBlacklist } from '../wechat/api/blacklist';
import { getFollowerIds, getUsers, USER_BATCH_LIMIT, type WxUser } from '../wechat/api/users';
import type { IdPage } from '../wechat/api/tags';
import type { WeChatClient } from '../wechat/client';
import { RESERVED_GROUP } from '#contract/reservedGroups';

export type SyncPhase = 'followers' | 'blacklist' | 'groups' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
  /** The whole sync (see SyncMeter): only moves forward. */
  percent: number;
}

export interface SyncSummary {
  followers: number;
  unfollowed: number;
  blacklisted: number;
  groups: number;
  resumed: boolean;
  calls: { userGet: number; batchget: number };
}

const CHECKPOINT = 'sync.checkpoint';
const WRITE_BATCH_ROWS = 5_000;
const checkpointSchema = z.object({
  run: z.string(),
  /** user/get cursor after the last page whose details are all stored. */
  next: z.string(),
  done: z.number(),
  total: z.number(),
  pagesDone: z.number(),
});
type Checkpoint = z.infer<typeof checkpointSchema>;

/** Whether a sync was stopped part-way: the next one carries on from where it stopped. */
export function hasSyncCheckpoint(db: AccountDb): boolean {
  return db.syncState.get(CHECKPOINT) !== undefined;
}

/** A cancelled sync is not carried on: the next one starts from the first page. */
export function forgetSyncCheckpoint(db: AccountDb): void {
  db.syncState.delete(CHECKPOINT);
}

export interface SyncOptions {
  concurrency: number;
  onProgress?: (p: SyncProgress) => void;
  now?: () => number;
  /** Stops between chunks (app closing); the saved checkpoint lets the next sync resume. */
  signal?: AbortSignal;
  /** Where fetched followers are written (default: inline, on the account's connection). */
  writer?: FollowerWriter;
}

/** Batches written but not yet confirmed, at most: bounds the rows held in memory. */
const WRITES_IN_FLIGHT = 3;

function toRow(u: WxUser, api: GroupBackend['api']): FollowerUpsert {
  if (u.subscribe !== 1) return { openid: u.openid, subscribed: false };
  return {
    openid: u.openid,
    subscribed: true,
    subscribeTime: u.subscribe_time ?? null,
    scene: u.subscribe_scene || null,
    qrScene: u.qr_scene ?? null,
    qrSceneStr: u.qr_scene_str || null,
    remark: u.remark ?? '',
    language: u.language || null,
    unionid: u.unionid ?? null,
    groupIds: api === 'tags' ? (u.tagid_list ?? []) : [u.groupid ?? RESERVED_GROUP.ungrouped],
    groupApi: api,
  };
}

/**
 * Brings the cache in line with WeChat: the id list page by page (user/get, ≤ 10 000 a page, 500
 * calls a day), details in chunks of 100 through a small pool, then the blacklist and the groups.
 * The next id page is fetched while the current one's details are loading. After each page the
 * cursor is saved, so a sync that was killed resumes from there without fetching again what it has.
 */
export async function syncFollowers(
  db: AccountDb,
  client: WeChatClient,
  backend: GroupBackend,
  options: SyncOptions,
): Promise<SyncSummary> {
  const now = options.now ?? Date.now;
  const progress = throttle<SyncProgress>(100, (p) => options.onProgress?.(p), now);
  const saved = db.syncState.get(CHECKPOINT, checkpointSchema);
  const cp: Checkpoint = saved ?? { run: randomUUID(), next: '', done: 0, total: 0, pagesDone: 0 };
  // Saved at once, so even a sync stopped on its first page carries on after a restart.
  if (!saved) db.syncState.set(CHECKPOINT, cp);
  const calls = { userGet: 0, batchget: 0 };
  // Changes this app makes while the sync runs (jobs, remarks) are read again at the end.
  const localMark = db.followers.localChanges.mark();

  const fetchIds = (cursor: string): Promise<IdPage> => {
    calls.userGet++;
    return getFollowerIds(client, cursor);
  };

  // One forward-only percentage across the phases. The counts shown are the followers' while
  // their pass runs (the blacklist, fetched alongside, only moves the percentage).
  const meter = new SyncMeter();
  let followerPassOver = false;
  // The blacklist and the group list don't depend on the id pages: fetch them alongside.
  const blacklistPromise = fetchBlacklist(client, (done, total) => {
    meter.blacklistAt(done, total);
    if (followerPassOver) options.onProgress?.({ phase: 'blacklist', done, total, percent: meter.percent() });
  });
  const groupsPromise = backend.list();
  blacklistPromise.catch(() => undefined);
  groupsPromise.catch(() => undefined);

  // Pages in flight, in order; the checkpoint advances past a page once all its batches are stored.
  type Page = { next: string; remaining: number; size: number };
  const pages: Page[] = [];
  // cp.done counts the followers of checkpointed pages only (a resumed sync fetches the rest of a
  // page again); `fetched` is what this run has so far, for progress.
  let fetched = cp.done;
  let checkpointed = 0;
  /** Moves the checkpoint past every page whose rows are all handed to the writer; true if it moved. */
  const advance = (): boolean => {
    const before = checkpointed;
    while (checkpointed < pages.length && pages[checkpointed]?.remaining === 0) {
      const done = pages[checkpointed] as Page;
      cp.next = done.next;
      cp.done += done.size;
      cp.pagesDone++;
      checkpointed++;
    }
    return checkpointed !== before;
  };

  // A resumed sync whose id list was already complete has nothing left to page through.
  const finished = saved !== undefined && saved !== null && saved.next === '' && saved.pagesDone > 0;
  async function* batches(): AsyncGenerator<{ page: Page; ids: string[] }> {
    let page: IdPage | null = finished ? null : await fetchIds(cp.next);
    while (page && page.openids.length > 0) {
      if (page.total !== undefined) cp.total = page.total;
      // The next page loads while this one's details are being fetched.
      const pending: Promise<IdPage> | null = page.next ? fetchIds(page.next) : null;
      pending?.catch(() => undefined);
      const parts = chunk(page.openids, USER_BATCH_LIMIT);
      const record: Page = { next: page.next, remaining: parts.length, size: page.openids.length };
      pages.push(record);
      for (const ids of parts) yield { page: record, ids };
      page = pending ? await pending : null;
    }
  }

  // Rows wait here and are written in large transactions: SQLite writes each touched page once
  // per commit (100 rows a commit cost ~3× more). Each batch carries the checkpoint it completes,
  // in the same transaction, so a checkpoint never runs ahead of the rows it vouches for.
  const writer = options.writer ?? inlineFollowerWriter(db);
  const writes: Promise<void>[] = [];
  let writeError: unknown = null;
  let buffered: FollowerUpsert[] = [];
  const flush = async () => {
    const rows = buffered;
    buffered = [];
    if (!advance() && rows.length === 0) return;
    const w = writer.write(rows, cp.run, { key: CHECKPOINT, value: { ...cp } });
    w.catch((error: unknown) => (writeError ??= error));
    writes.push(w);
    // The writer may fall behind the network: hold at most a few batches.
    if (writes.length > WRITES_IN_FLIGHT) await writes.shift();
  };

  // The run id the cache's rows must carry to count as following at the end, and how many the
  // final listing counted (null: the first listing was a single page, so it is the count).
  let run = cp.run;
  let listedCount: number | null = null;
  let listChanged = false;
  try {
    await pullConcurrently(batches(), options.concurrency, async ({ page, ids }) => {
      options.signal?.throwIfAborted();
      if (writeError) throw writeError;
      calls.batchget++;
      const users = await getUsers(client, ids);
      for (const u of users) buffered.push(toRow(u, backend.api));
      fetched += ids.length;
      page.remaining--;
      if (buffered.length >= WRITE_BATCH_ROWS || page.remaining === 0) await flush();
      meter.followersAt(fetched, cp.total);
      progress.push({
        phase: 'followers',
        done: fetched,
        total: Math.max(cp.total, fetched),
        percent: meter.percent(),
      });
    });
    await flush();
    followerPassOver = true;
    // user/get's order is not subscription order and the list changes while it is paged (doc
    // §4.1): a follower who arrived before the cursor was never listed, one who left after being
    // fetched was. A list of more than one page is listed again (ids only: one call per 10 000),
    // and that second listing is who follows now.
    if (cp.pagesDone > 1) {
      await Promise.all(writes.splice(0));
      if (writeError) throw writeError;
      const listed = `${cp.run}:listed`;
      let arrived = 0;
      listedCount = await listAgain(db, cp.run, listed, fetchIds, async (missed) => {
        arrived += missed.length;
        for (const ids of chunk(missed, USER_BATCH_LIMIT)) {
          options.signal?.throwIfAborted();
          calls.batchget++;
          const users = await getUsers(client, ids);
          await writer.write(
            users.map((u) => toRow(u, backend.api)),
            listed,
          );
        }
      });
      run = listed;
      // Followers came or went while it paged: their tags and blacklist flags went with them, so
      // the counts and the blacklist fetched at the start are out of date.
      listChanged = arrived > 0 || listedCount - arrived !== cp.done;
    }
    // Followers a job (or a remark) changed while this sync ran: what was fetched for them may
    // predate the change. WeChat has the truth; ask it again for just them.
    const changed = db.followers.localChanges.since(localMark);
    for (const ids of chunk(changed, USER_BATCH_LIMIT)) {
      calls.batchget++;
      const users = await getUsers(client, ids);
      await writer.write(
        users.map((u) => toRow(u, backend.api)),
        run,
      );
    }
  } finally {
    // Stopped or not, what was handed over lands before the sync returns (or resumes later).
    await Promise.allSettled(writes);
    await writer.close();
  }
  if (writeError) throw writeError;
  progress.flush();

  // Likewise the blacklist, fetched when the sync started.
  const blacklisted =
    listChanged || db.followers.localChanges.blacklistSince(localMark)
      ? await fetchBlacklist(client, () => undefined)
      : await blacklistPromise;
  // And the groups' counts, which the changes moved.
  const groups =
    listChanged || db.followers.localChanges.since(localMark).length > 0
      ? await backend.list()
      : await groupsPromise;
  db.followers.localChanges.forget(db.followers.localChanges.mark());
  meter.groupsFetched();
  options.onProgress?.({
    phase: 'groups',
    done: groups.length,
    total: groups.length,
    percent: meter.percent(),
  });

  let unfollowed = 0;
  db.transaction(() => {
    // The blacklist WeChat reports is the whole truth.
    db.followers.replaceBlacklist(blacklisted);
    unfollowed = db.followers.markUnfollowedExcept(run);
    db.groups.replaceAll(backend.api, groups);
    db.syncState.setLastSyncedAt(now());
    db.syncState.delete(CHECKPOINT);
  });
  const followers = listedCount ?? cp.done;
  options.onProgress?.({ phase: 'done', done: followers, total: followers, percent: 100 });
  return {
    followers,
    unfollowed,
    blacklisted: blacklisted.length,
    groups: groups.length,
    resumed: saved !== undefined && saved !== null,
    calls,
  };
}

/**
 * Lists every id again: those the first pass stored move to run `listed`; the ones it never saw
 * go to `fetchMissed`. Returns how many followers the listing counted.
 */
async function listAgain(
  db: AccountDb,
  firstPass: string,
  listed: string,
  fetchIds: (cursor: string) => Promise<IdPage>,
  fetchMissed: (openids: string[]) => Promise<void>,
): Promise<number> {
  let count = 0;
  let page = await fetchIds('');
  while (page.openids.length > 0) {
    count += page.openids.length;
    const missed = db.followers.restampListed(page.openids, firstPass, listed);
    if (missed.length > 0) await fetchMissed(missed);
    if (!page.next) break;
    page = await fetchIds(page.next);
  }
  return count;
}

/** The whole blacklist, paged with begin_openid. */
async function fetchBlacklist(
  client: WeChatClient,
  onPage: (done: number, total: number) => void,
): Promise<string[]> {
  const all: string[] = [];
  for (let cursor = '', first = true; first || cursor !== ''; first = false) {
    const page = await getBlacklist(client, cursor);
    all.push(...page.openids);
    cursor = page.next;
    onPage(all.length, page.total ?? all.length);
  }
  return all;
}
