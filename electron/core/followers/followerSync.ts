import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { chunk, pullConcurrently, throttle } from '../concurrency';
import type { GroupBackend } from '../groups/groupBackend';
import type { AccountDb, FollowerUpsert } from '../store';
import { getBlacklist } from '../wechat/api/blacklist';
import { getFollowerIds, getUsers, USER_BATCH_LIMIT, type WxUser } from '../wechat/api/users';
import type { IdPage } from '../wechat/api/tags';
import type { WeChatClient } from '../wechat/client';

export type SyncPhase = 'followers' | 'blacklist' | 'groups' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
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
}

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
    groupIds: api === 'tags' ? (u.tagid_list ?? []) : [u.groupid ?? 0],
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

  const fetchIds = (cursor: string): Promise<IdPage> => {
    calls.userGet++;
    return getFollowerIds(client, cursor);
  };

  // The blacklist and the group list don't depend on the id pages: fetch them alongside.
  const blacklistPromise = fetchBlacklist(client, (done, total) =>
    options.onProgress?.({ phase: 'blacklist', done, total }),
  );
  const groupsPromise = backend.list();
  blacklistPromise.catch(() => undefined);
  groupsPromise.catch(() => undefined);

  // Pages in flight, in order; the checkpoint advances past a page once all its batches are stored.
  const pages: { next: string; remaining: number }[] = [];
  let checkpointed = 0;
  const pageDone = () => {
    while (checkpointed < pages.length && pages[checkpointed]?.remaining === 0) {
      cp.next = (pages[checkpointed] as { next: string }).next;
      cp.pagesDone++;
      checkpointed++;
      db.syncState.set(CHECKPOINT, cp);
    }
  };

  // A resumed sync whose id list was already complete has nothing left to page through.
  const finished = saved !== undefined && saved !== null && saved.next === '' && saved.pagesDone > 0;
  async function* batches(): AsyncGenerator<{ page: { next: string; remaining: number }; ids: string[] }> {
    let page: IdPage | null = finished ? null : await fetchIds(cp.next);
    while (page && page.openids.length > 0) {
      if (page.total !== undefined) cp.total = page.total;
      // The next page loads while this one's details are being fetched.
      const pending: Promise<IdPage> | null = page.next ? fetchIds(page.next) : null;
      pending?.catch(() => undefined);
      const parts = chunk(page.openids, USER_BATCH_LIMIT);
      const record = { next: page.next, remaining: parts.length };
      pages.push(record);
      for (const ids of parts) yield { page: record, ids };
      page = pending ? await pending : null;
    }
  }

  // Rows wait here and are written in large transactions: followers arrive in random openid
  // order, and SQLite writes each touched page once per commit (100 rows a commit cost ~3× more).
  let buffered: FollowerUpsert[] = [];
  const flush = () => {
    if (buffered.length > 0) db.followers.upsertMany(buffered, cp.run);
    buffered = [];
    // Only pages whose rows are all written may move the checkpoint.
    pageDone();
  };

  await pullConcurrently(batches(), options.concurrency, async ({ page, ids }) => {
    options.signal?.throwIfAborted();
    calls.batchget++;
    const users = await getUsers(client, ids);
    for (const u of users) buffered.push(toRow(u, backend.api));
    cp.done += ids.length;
    page.remaining--;
    if (buffered.length >= WRITE_BATCH_ROWS || page.remaining === 0) flush();
    progress.push({ phase: 'followers', done: cp.done, total: Math.max(cp.total, cp.done) });
  });
  flush();
  progress.flush();

  const blacklisted = await blacklistPromise;
  const groups = await groupsPromise;
  options.onProgress?.({ phase: 'groups', done: groups.length, total: groups.length });

  let unfollowed = 0;
  db.transaction(() => {
    // The blacklist WeChat reports is the whole truth.
    db.followers.replaceBlacklist(blacklisted);
    unfollowed = db.followers.markUnfollowedExcept(cp.run);
    db.groups.replaceAll(backend.api, groups);
    db.syncState.setLastSyncedAt(now());
    db.syncState.delete(CHECKPOINT);
  });
  options.onProgress?.({ phase: 'done', done: cp.done, total: cp.done });
  return {
    followers: cp.done,
    unfollowed,
    blacklisted: blacklisted.length,
    groups: groups.length,
    resumed: saved !== undefined && saved !== null,
    calls,
  };
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
