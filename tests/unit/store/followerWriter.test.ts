import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openAccountDb,
  openFollowerWriter,
  type AccountDb,
  type FollowerUpsert,
} from '../../../electron/core/store';
import { connectionOf } from '../../../electron/core/store/connection';
import { writerThreadModule } from '../../../electron/core/store/followerWriter';

let dir: string;
let db: AccountDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-writer-'));
  db = openAccountDb(join(dir, 'cache.sqlite'), { now: () => 5_000 }).db;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const follower = (openid: string, groupIds: number[], remark = ''): FollowerUpsert => ({
  openid,
  subscribed: true,
  subscribeTime: 1_600_000_000,
  remark,
  groupIds,
  groupApi: 'tags',
});

const listed = () =>
  db.followers
    .query({ limit: 100, sort: { by: 'remark', dir: 'asc' } }, 'tags')
    .rows.map((r) => [r.openid, r.remark, r.groupIds]);

describe('the sync writer thread', () => {
  it('writes batches in order on its own connection; the main connection and its index see them', async () => {
    // Read once, so the in-memory index is loaded before another connection writes.
    expect(listed()).toEqual([]);
    const writer = openFollowerWriter(db);
    expect(writer.where).toBe('thread');
    await Promise.all([
      writer.write([follower('o2', [101], 'b'), follower('o1', [100, 101], 'a')], 'run1', {
        key: 'cp',
        value: { page: 1 },
      }),
      // Same follower again, later: the later write wins, memberships are replaced.
      writer.write([follower('o1', [102], 'a2')], 'run1', { key: 'cp', value: { page: 2 } }),
    ]);
    await writer.close();
    // Still the thread: it started (a thread that cannot start turns the writer inline).
    expect(writer.where).toBe('thread');
    expect(listed()).toEqual([
      ['o1', 'a2', [102]],
      ['o2', 'b', [101]],
    ]);
    expect(db.syncState.get('cp')).toEqual({ page: 2 });
    expect(db.followers.get('o1')).toMatchObject({ firstSeen: 5_000 });
    // The rows carry the run, for markUnfollowedExcept.
    expect(db.followers.markUnfollowedExcept('run1')).toBe(0);
  });

  it('keeps memberships that did not change, and the local note, across syncs', async () => {
    db.followers.upsertMany([follower('o1', [100, 101])]);
    db.followers.setNote('o1', '老客户');
    const writer = openFollowerWriter(db);
    await writer.write([follower('o1', [101, 100], 'r')], 'run2');
    await writer.write([follower('o1', [101], 'r')], 'run2');
    await writer.close();
    expect(db.followers.get('o1')).toMatchObject({ groupIds: [101], note: '老客户', remark: 'r' });
  });

  it('fails the write (not the process) when the database refuses it', async () => {
    const writer = openFollowerWriter(db);
    await writer.write([follower('o1', [100])], 'run3');
    connectionOf(db).exec('DROP TABLE follower_groups');
    await expect(writer.write([follower('o2', [100])], 'run3')).rejects.toThrow(
      /follower write failed: .*no such table/,
    );
    await writer.close();
  });

  it('runs the TypeScript module itself from source (built, out/main/followerWriterThread.js)', () => {
    expect(writerThreadModule().pathname).toMatch(/\/electron\/core\/store\/followerWriterThread\.ts$/);
  });

  it('writes inline, in order, when the thread cannot load its module', async () => {
    const writer = openFollowerWriter(db, { threadModule: new URL('./noSuchThread.js', import.meta.url) });
    await Promise.all([
      writer.write([follower('o1', [100], 'a')], 'run4', { key: 'cp', value: 1 }),
      writer.write([follower('o1', [101], 'a2')], 'run4', { key: 'cp', value: 2 }),
    ]);
    await writer.close();
    expect(writer.where).toBe('inline');
    expect(listed()).toEqual([['o1', 'a2', [101]]]);
    expect(db.syncState.get('cp')).toBe(2);
  });
});

describe('one upsert for the writer thread and FollowerRepo', () => {
  /** Counts every membership row deleted, on any connection (a trigger is in the schema). */
  function countMembershipDeletes(): () => number {
    const sql = connectionOf(db);
    sql.exec(`CREATE TABLE deleted_memberships (n INTEGER);
      CREATE TRIGGER count_deletes AFTER DELETE ON follower_groups
      BEGIN INSERT INTO deleted_memberships VALUES (1); END;`);
    return () => Number(sql.prepare('SELECT count(*) AS n FROM deleted_memberships').get()?.n);
  }

  it('neither path rewrites memberships that did not change; both replace those that did', async () => {
    db.followers.upsertMany([follower('o1', [100, 101]), follower('o2', [100])]);
    const deletes = countMembershipDeletes();

    db.followers.upsertMany([follower('o1', [101, 100]), follower('o2', [100])]);
    expect(deletes()).toBe(0);
    const writer = openFollowerWriter(db);
    await writer.write([follower('o1', [100, 101]), follower('o2', [100])], 'run5');
    expect(deletes()).toBe(0);

    await writer.write([follower('o1', [101])], 'run5');
    await writer.close();
    expect(writer.where).toBe('thread');
    expect(deletes()).toBe(2);
    db.followers.upsertMany([follower('o2', [102])]);
    expect(deletes()).toBe(3);
    expect(listed()).toEqual([
      ['o1', '', [101]],
      ['o2', '', [102]],
    ]);
  });
});
