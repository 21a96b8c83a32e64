import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openAccountDb, type AccountDb, type FollowerUpsert } from '../../../electron/core/store';

let dir: string;
let db: AccountDb;
let clock = 1_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-repos-'));
  clock = 1_000;
  db = openAccountDb(join(dir, 'cache.sqlite'), { now: () => clock }).db;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const follower = (openid: string, extra: Partial<FollowerUpsert> = {}): FollowerUpsert =>
  ({ openid, subscribed: true, subscribeTime: 1_600_000_000, ...extra }) as FollowerUpsert;

/** Openids matching, oldest subscription first (ties: openid ascending). */
const openids = (q: Parameters<AccountDb['followers']['query']>[0], api: 'tags' | 'groups' = 'tags') =>
  db.followers
    .query({ limit: 500, sort: { by: 'subscribeTime', dir: 'asc' }, ...q }, api)
    .rows.map((r) => r.openid);

const counts = (api: 'tags' | 'groups') =>
  Object.fromEntries(db.groups.list(api).map((g) => [g.id, g.count]));

describe('groups', () => {
  it('lists system groups first, then by id, flagged as system', () => {
    db.groups.replaceAll('tags', [
      { id: 120, name: '北京', count: 3 },
      { id: 2, name: '星标组', count: 1 },
      { id: 101, name: '会员', count: 9 },
    ]);
    db.groups.replaceAll('groups', [
      { id: 104, name: '华东媒', count: 4 },
      { id: 0, name: '未分组', count: 72 },
      { id: 1, name: '黑名单', count: 36 },
    ]);
    expect(db.groups.list('tags')).toEqual([
      { id: 2, name: '星标组', count: 1, api: 'tags', system: true },
      { id: 101, name: '会员', count: 9, api: 'tags', system: false },
      { id: 120, name: '北京', count: 3, api: 'tags', system: false },
    ]);
    expect(db.groups.list('groups').map((g) => [g.id, g.system])).toEqual([
      [0, true],
      [1, true],
      [104, false],
    ]);
  });

  it('replaceAll drops vanished groups with their memberships; rename, setCount and remove', () => {
    db.groups.replaceAll('tags', [
      { id: 100, name: 'a', count: 1 },
      { id: 101, name: 'b', count: 1 },
    ]);
    db.followers.upsertMany([follower('o1', { groupIds: [100, 101], groupApi: 'tags' })]);
    db.groups.replaceAll('tags', [{ id: 101, name: 'b2', count: 5 }]);
    expect(db.groups.list('tags').map((g) => [g.id, g.name, g.count])).toEqual([[101, 'b2', 5]]);
    expect(db.followers.get('o1')?.groupIds).toEqual([101]);
    expect(openids({ groups: { mode: 'any', ids: [100] } })).toEqual([]);

    expect(db.groups.rename('tags', 101, '新名字')).toBe(true);
    expect(db.groups.rename('tags', 999, 'x')).toBe(false);
    expect(db.groups.setCount('tags', 101, 7)).toBe(true);
    expect(db.groups.list('tags')[0]).toMatchObject({ name: '新名字', count: 7 });
    db.groups.upsert('tags', { id: 101, name: 'again', count: 8 });
    expect(db.groups.list('tags')[0]).toMatchObject({ name: 'again', count: 8 });

    expect(db.groups.remove('tags', 101)).toBe(true);
    expect(db.groups.remove('tags', 101)).toBe(false);
    expect(db.groups.list('tags')).toEqual([]);
    expect(db.followers.get('o1')?.groupIds).toEqual([]);
    expect(openids({ groups: { mode: 'none', ids: [] } })).toEqual(['o1']);
  });

  it('recount counts subscribed members; legacy group 0 also counts followers in no group', () => {
    db.groups.replaceAll('tags', [
      { id: 100, name: 'a', count: 0 },
      { id: 101, name: 'b', count: 0 },
    ]);
    db.groups.replaceAll('groups', [
      { id: 0, name: '未分组', count: 0 },
      { id: 105, name: 'x', count: 0 },
    ]);
    db.followers.upsertMany([
      follower('o1', { groupIds: [100, 101], groupApi: 'tags' }),
      follower('o2', { groupIds: [100], groupApi: 'tags' }),
      follower('o3', { subscribed: false, groupIds: [100], groupApi: 'tags' }),
      follower('o4'),
    ]);
    db.followers.upsertMany([
      follower('o1', { groupIds: [105], groupApi: 'groups' }),
      follower('o2', { groupIds: [0], groupApi: 'groups' }),
    ]);
    db.groups.recount('tags');
    db.groups.recount('groups');
    expect(counts('tags')).toEqual({ 100: 2, 101: 1 });
    expect(counts('groups')).toEqual({ 0: 2, 105: 1 }); // o2 (group 0) and o4 (no group)
  });
});

describe('followers: upsert', () => {
  it('keeps the local note and first-seen time; absent fields keep their value, null clears', () => {
    db.followers.upsertMany([
      follower('o1', {
        remark: '老王',
        scene: 'ADD_SCENE_QR_CODE',
        qrScene: 7,
        unionid: 'u1',
        language: 'zh_CN',
      }),
    ]);
    expect(db.followers.setNote('o1', '只在本地')).toBe(true);
    expect(db.followers.setNote('nobody', 'x')).toBe(false);

    clock = 2_000;
    db.followers.upsertMany([{ openid: 'o1', subscribed: false, unionid: null }]);
    expect(db.followers.get('o1')).toEqual({
      openid: 'o1',
      subscribed: false,
      subscribeTime: 1_600_000_000,
      scene: 'ADD_SCENE_QR_CODE',
      qrScene: 7,
      qrSceneStr: null,
      remark: '老王',
      language: 'zh_CN',
      unionid: null,
      groupIds: [],
      blacklisted: false,
      note: '只在本地',
      firstSeen: 1_000,
      lastSeen: 2_000,
    });

    db.followers.upsertMany([follower('o1', { remark: '', subscribeTime: null, blacklisted: true })]);
    expect(db.followers.get('o1')).toMatchObject({
      subscribed: true,
      remark: '',
      subscribeTime: null,
      blacklisted: true,
      note: '只在本地',
      firstSeen: 1_000,
    });
  });

  it('replaces memberships only for the named API, and only when given', () => {
    db.followers.upsertMany([follower('o1', { groupIds: [100, 101], groupApi: 'tags' })]);
    db.followers.upsertMany([follower('o1', { groupIds: [104], groupApi: 'groups' })]);
    db.followers.upsertMany([follower('o1', { remark: 'x' })]);
    expect(db.followers.get('o1')?.groupIds).toEqual([100, 101]);
    expect(db.followers.get('o1', 'groups')?.groupIds).toEqual([104]);
    db.followers.upsertMany([follower('o1', { groupIds: [101, 102], groupApi: 'tags' })]);
    expect(db.followers.get('o1')?.groupIds).toEqual([101, 102]);
    expect(db.followers.get('o1', 'groups')?.groupIds).toEqual([104]);
  });

  it('marks followers a sync run did not list as unfollowed', () => {
    db.followers.upsertMany([follower('a'), follower('b'), follower('c')], 'run-1');
    db.followers.upsertMany([follower('a'), follower('c')], 'run-2');
    db.followers.upsertMany([follower('d', { subscribed: false })], 'run-2');
    expect(db.followers.markUnfollowedExcept('run-2')).toBe(1);
    expect(db.followers.get('b')?.subscribed).toBe(false);
    expect(openids({})).toEqual(['a', 'c']);
    expect(openids({ subscribed: false })).toEqual(['b', 'd']);
    expect(db.followers.markUnfollowedExcept('run-2')).toBe(0);
    expect(db.followers.count()).toBe(2);
    expect(db.followers.count({ subscribed: false })).toBe(2);
  });

  it('sets the blacklist flag one by one or replaces the whole blacklist', () => {
    db.followers.upsertMany(['a', 'b', 'c', 'd'].map((o) => follower(o)));
    expect(db.followers.setBlacklisted(['a', 'b', 'b', 'nobody'], true)).toBe(2);
    expect(db.followers.setBlacklisted(['a'], true)).toBe(0);
    expect(openids({ blacklisted: true })).toEqual(['a', 'b']);
    expect(db.followers.replaceBlacklist(['b', 'c'])).toBe(2); // a off, c on
    expect(openids({ blacklisted: true })).toEqual(['b', 'c']);
    expect(openids({ blacklisted: false })).toEqual(['a', 'd']);
  });

  it('sets a remark and the query sees it at once', () => {
    db.followers.upsertMany([follower('a', { remark: 'zz' }), follower('b', { remark: 'yy' })]);
    expect(openids({ sort: { by: 'remark', dir: 'asc' } })).toEqual(['b', 'a']);
    expect(db.followers.setRemark('a', 'AA')).toBe(true);
    expect(openids({ sort: { by: 'remark', dir: 'asc' } })).toEqual(['a', 'b']);
    expect(openids({ text: 'aa' })).toEqual(['a']);
    expect(db.followers.setRemark('nobody', 'x')).toBe(false);
  });
});

describe('followers: memberships and counts', () => {
  beforeEach(() => {
    db.groups.replaceAll('tags', [
      { id: 100, name: 'a', count: 0 },
      { id: 101, name: 'b', count: 0 },
    ]);
    db.followers.upsertMany(['o1', 'o2', 'o3'].map((o) => follower(o)));
    db.followers.upsertMany([follower('gone', { subscribed: false })]);
  });

  function expectCountsMatchRecount(api: 'tags' | 'groups'): void {
    const incremental = counts(api);
    db.groups.recount(api);
    expect(incremental).toEqual(counts(api));
  }

  it('add, remove and set keep tag counts equal to a recount', () => {
    expect(db.followers.addToGroup(['o1', 'o2', 'gone', 'nobody'], 'tags', 100)).toBe(3);
    expect(db.followers.addToGroup(['o1'], 'tags', 100)).toBe(0);
    expect(counts('tags')).toEqual({ 100: 2, 101: 0 }); // 'gone' is not subscribed
    expect(db.followers.addToGroup(['o2', 'o3'], 'tags', 101)).toBe(2);
    expect(db.followers.removeFromGroup(['o1', 'o3'], 'tags', 100)).toBe(1);
    expect(counts('tags')).toEqual({ 100: 1, 101: 2 });
    expect(db.followers.setGroups('o1', 'tags', [100, 101, 101])).toBe(true);
    expect(db.followers.setGroups('nobody', 'tags', [100])).toBe(false);
    expect(db.followers.get('o1')?.groupIds).toEqual([100, 101]);
    expect(counts('tags')).toEqual({ 100: 2, 101: 3 });
    expectCountsMatchRecount('tags');
    expect(openids({ groups: { mode: 'all', ids: [100, 101] } })).toEqual(['o1', 'o2']);
  });

  it('legacy groups: move puts a follower in exactly one group; no group counts as group 0', () => {
    db.groups.replaceAll('groups', [
      { id: 0, name: '未分组', count: 3 },
      { id: 2, name: '星标组', count: 0 },
      { id: 105, name: '客户', count: 0 },
    ]);
    db.followers.upsertMany([follower('o1', { groupIds: [0], groupApi: 'groups' })]);
    expect(db.followers.moveToGroup(['o1', 'o2'], 'groups', 105)).toBe(2);
    expect(db.followers.moveToGroup(['o1'], 'groups', 105)).toBe(0);
    expect(db.followers.get('o1', 'groups')?.groupIds).toEqual([105]);
    expect(counts('groups')).toEqual({ 0: 1, 2: 0, 105: 2 });
    expect(db.followers.moveToGroup(['o2'], 'groups', 2)).toBe(1);
    expect(counts('groups')).toEqual({ 0: 1, 2: 1, 105: 1 });
    expectCountsMatchRecount('groups');

    expect(openids({ groups: { mode: 'none', ids: [] } }, 'groups')).toEqual(['o3']);
    expect(openids({ groups: { mode: 'any', ids: [0] } }, 'groups')).toEqual(['o3']);
    expect(openids({ groups: { mode: 'any', ids: [105, 2] } }, 'groups')).toEqual(['o1', 'o2']);
    expect(openids({ groups: { mode: 'none', ids: [0, 2] } }, 'groups')).toEqual(['o1']);

    // Deleting a legacy group: its members fall back to group 0.
    db.groups.remove('groups', 105);
    db.groups.recount('groups');
    expect(counts('groups')).toEqual({ 0: 2, 2: 1 });
    expect(openids({ groups: { mode: 'none', ids: [] } }, 'groups')).toEqual(['o1', 'o3']);
  });
});

describe('sync state', () => {
  it('stores JSON by key, validates with a schema, and keeps the last sync time', () => {
    expect(db.syncState.get('cp')).toBeUndefined();
    db.syncState.set('cp', { next: 'o9', done: 3 });
    expect(db.syncState.get('cp')).toEqual({ next: 'o9', done: 3 });
    const schema = z.object({ next: z.string(), done: z.number() });
    expect(db.syncState.get('cp', schema)?.done).toBe(3);
    expect(db.syncState.get('cp', z.object({ other: z.string() }))).toBeUndefined();
    db.syncState.delete('cp');
    expect(db.syncState.get('cp')).toBeUndefined();

    expect(db.syncState.lastSyncedAt()).toBeNull();
    expect(db.followers.query({}, 'tags').lastSyncedAt).toBeNull();
    db.syncState.setLastSyncedAt(1_700_000_000_000);
    expect(db.syncState.lastSyncedAt()).toBe(1_700_000_000_000);
    expect(db.followers.query({}, 'tags').lastSyncedAt).toBe(1_700_000_000_000);
  });
});

describe('the query index follows every write', () => {
  it('sees notes, group changes and new followers without reopening', () => {
    db.followers.upsertMany([follower('a'), follower('b')]);
    expect(openids({ text: '常客' })).toEqual([]);
    db.followers.setNote('b', '是常客');
    expect(openids({ text: '常客' })).toEqual(['b']);
    db.followers.addToGroup(['a'], 'tags', 100);
    expect(openids({ groups: { mode: 'any', ids: [100] } })).toEqual(['a']);
    db.followers.upsertMany([
      follower('c', { subscribeTime: 1_700_000_000, groupIds: [100], groupApi: 'tags' }),
    ]);
    expect(openids({ groups: { mode: 'any', ids: [100] } })).toEqual(['a', 'c']);
    expect(
      openids({ groups: { mode: 'any', ids: [100] }, sort: { by: 'subscribeTime', dir: 'desc' } }),
    ).toEqual(['c', 'a']);
  });

  it('reloads after a rolled-back transaction it had already read from', () => {
    db.followers.upsertMany([follower('a')]);
    expect(() =>
      db.transaction(() => {
        db.followers.setNote('a', '临时');
        expect(openids({ text: '临时' })).toEqual(['a']);
        throw new Error('undo');
      }),
    ).toThrow('undo');
    expect(openids({ text: '临时' })).toEqual([]);
  });

  it('reloads after another connection wrote to the file', () => {
    db.followers.upsertMany([follower('a')]);
    expect(openids({})).toEqual(['a']);
    const other = new DatabaseSync(db.file);
    other.exec("UPDATE followers SET remark = '外部改的' WHERE openid = 'a'");
    other.close();
    expect(openids({ text: '外部' })).toEqual(['a']);
  });

  it('patches many single changes, then falls back to a full reload past the patch limit', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => follower(`o${String(i).padStart(5, '0')}`));
    db.followers.upsertMany(rows.slice(0, 10));
    expect(db.followers.count()).toBe(10);
    db.followers.upsertMany(rows); // > patch limit: reloads everything
    expect(db.followers.count()).toBe(6000);
    db.followers.setBlacklisted(['o00005'], true);
    expect(openids({ blacklisted: true })).toEqual(['o00005']);
  });
});
