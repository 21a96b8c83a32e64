import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { chunk, forEachConcurrently, throttle } from '../concurrency';
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
const checkpointSchema = z.object({
  run: z.string(),
  /** user/get cursor after the last page whose details are all stored. */
  next: z.string(),
  done: z.number(),
  total: z.number(),
  pagesDone: z.number(),
});
type Checkpoint = z.infer<typeof checkpointSchema>;

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
  const calls = { userGet: 0, batchget: 0 };

  const fetchIds = (cursor: string): Promise<IdPage> => {
    calls.userGet++;
    return getFollowerIds(client, cursor);
  };

  // A resumed sync whose id list was already complete has nothing left to page through.
  let page: IdPage | null =
    saved && saved.next === '' && saved.pagesDone > 0 ? null : await fetchIds(cp.next);
  while (page && page.openids.length > 0) {
    if (page.total !== undefined) cp.total = page.total;
    const pending: Promise<IdPage> | null = page.next ? fetchIds(page.next) : null;
    // Don't let a failure of the prefetch go unhandled while this page is still loading.
    pending?.catch(() => undefined);
    const ids = page.openids;
    await forEachConcurrently(chunk(ids, USER_BATCH_LIMIT), options.concurrency, async (part) => {
      options.signal?.throwIfAborted();
      calls.batchget++;
      const users = await getUsers(client, part);
      db.followers.upsertMany(
        users.map((u) => toRow(u, backend.api)),
        cp.run,
      );
      cp.done += part.length;
      progress.push({ phase: 'followers', done: cp.done, total: Math.max(cp.total, cp.done) });
    });
    cp.next = page.next;
    cp.pagesDone++;
    db.syncState.set(CHECKPOINT, cp);
    page = pending ? await pending : null;
  }
  progress.flush();

  // The blacklist, paged with begin_openid.
  const blacklisted: string[] = [];
  for (let cursor = '', first = true; first || cursor !== ''; first = false) {
    const bl = await getBlacklist(client, cursor);
    blacklisted.push(...bl.openids);
    cursor = bl.next;
    options.onProgress?.({
      phase: 'blacklist',
      done: blacklisted.length,
      total: bl.total ?? blacklisted.length,
    });
  }

  const groups = await backend.list();
  options.onProgress?.({ phase: 'groups', done: groups.length, total: groups.length });

  let unfollowed = 0;
  db.transaction(() => {
    // Only flip the flags that changed: the blacklist WeChat reports is the whole truth.
    const listed = new Set(blacklisted);
    const was = db.sql.prepare('SELECT openid FROM followers WHERE blacklisted = 1').all();
    db.followers.setBlacklisted(
      was.map((r) => String(r['openid'])).filter((o) => !listed.has(o)),
      false,
    );
    db.followers.setBlacklisted(blacklisted, true);
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
