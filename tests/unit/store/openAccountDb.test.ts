import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openAccountDb, SCHEMA_VERSION, type AccountDb } from '../../../electron/core/store';
import { connectionOf } from '../../../electron/core/store/connection';
import { migrate, readSchemaVersion, type Migration } from '../../../electron/core/store/migrations';

const dirs: string[] = [];
const open: AccountDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-store-'));
  dirs.push(dir);
  return join(dir, 'accounts', 'a1', 'cache.sqlite');
}

function openTracked(file: string, now = () => 1_700_000_000_000) {
  const opened = openAccountDb(file, { now });
  open.push(opened.db);
  return opened;
}

function pragma(db: AccountDb, name: string): unknown {
  return Object.values(connectionOf(db).prepare(`PRAGMA ${name}`).get() ?? {})[0];
}

/** A real cache with a few rows in it, closed: what a previous run of the app leaves behind. */
function writeCache(file: string, followers = 50): void {
  const { db } = openAccountDb(file);
  db.followers.upsertMany(
    Array.from({ length: followers }, (_, i) => ({
      openid: `o${String(i).padStart(27, '0')}`,
      subscribed: true,
      subscribeTime: 1_600_000_000 + i,
      remark: `备注${i}`.repeat(20),
    })),
  );
  db.close();
}

describe('opening', () => {
  it('creates the folders and a migrated database in WAL mode with foreign keys on', () => {
    const file = tempFile();
    const { db, recovered } = openTracked(file);
    expect(recovered).toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(pragma(db, 'user_version')).toBe(SCHEMA_VERSION);
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'foreign_keys')).toBe(1);
    expect(pragma(db, 'synchronous')).toBe(1); // NORMAL
    const tables = connectionOf(db)
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual([
      'follower_groups',
      'followers',
      'groups',
      'job_items',
      'jobs',
      'meta',
      'sync_state',
    ]);
  });

  it('keeps everything across close and reopen, without migrating again', () => {
    const file = tempFile();
    const first = openAccountDb(file, { now: () => 1000 }).db;
    first.followers.upsertMany([{ openid: 'o1', subscribed: true, remark: '老王' }]);
    first.followers.setNote('o1', '常来');
    first.groups.upsert('tags', { id: 100, name: '会员', count: 1 });
    first.syncState.setLastSyncedAt(1234);
    first.close();
    first.close(); // closing twice is harmless

    const { db, recovered } = openTracked(file, () => 2000);
    expect(recovered).toBeNull();
    expect(db.followers.get('o1')).toMatchObject({ remark: '老王', note: '常来', firstSeen: 1000 });
    expect(db.groups.list('tags')).toEqual([{ id: 100, name: '会员', count: 1, api: 'tags', system: false }]);
    expect(db.syncState.lastSyncedAt()).toBe(1234);
    expect(connectionOf(db).prepare("SELECT value FROM meta WHERE key = 'created_at'").get()?.value).toBe(
      '1000',
    );
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with the last one as the schema version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('run once each, in order, and a failing one leaves the previous version intact', () => {
    const db = new DatabaseSync(':memory:');
    const ran: number[] = [];
    // One past the app's own migrations, whatever their number.
    const next = SCHEMA_VERSION + 1;
    const second: Migration = {
      version: next,
      name: 'extra',
      up: (d) => {
        ran.push(next);
        d.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)');
      },
    };
    expect(migrate(db, 0, [...MIGRATIONS, second])).toBe(0);
    expect(readSchemaVersion(db)).toBe(next);
    expect(migrate(db, 0, [...MIGRATIONS, second])).toBe(next);
    expect(ran).toEqual([next]);

    const broken: Migration = {
      version: next + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, 0, [...MIGRATIONS, second, broken])).toThrow('boom');
    expect(readSchemaVersion(db)).toBe(next);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()?.n).toBe(0);
    db.close();
  });
});

describe('recovering from an unusable file', () => {
  function expectFreshAndWorking(db: AccountDb): void {
    expect(db.followers.count()).toBe(0);
    db.followers.upsertMany([{ openid: 'o-new', subscribed: true }]);
    expect(db.followers.query({}, 'tags').total).toBe(1);
  }

  it('moves a file of random bytes aside (with its -wal and -shm) and starts fresh', () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    const garbage = Buffer.alloc(64 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, 'stale wal');
    writeFileSync(`${file}-shm`, 'stale shm');

    const { db, recovered } = openTracked(file, () => 1_700_000_000_123);
    expect(recovered).toEqual({ reason: 'corrupt', movedTo: `${file}.corrupt-1700000000123` });
    expect(readFileSync(`${file}.corrupt-1700000000123`)).toEqual(garbage);
    expect(readFileSync(`${file}.corrupt-1700000000123-wal`, 'utf8')).toBe('stale wal');
    expect(readFileSync(`${file}.corrupt-1700000000123-shm`, 'utf8')).toBe('stale shm');
    expectFreshAndWorking(db);
  });

  it('treats a truncated database as corrupt', () => {
    const file = tempFile();
    writeCache(file);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { db, recovered } = openTracked(file);
    expect(recovered?.reason).toBe('corrupt');
    expectFreshAndWorking(db);
  });

  it('treats a database with garbled pages (intact header) as corrupt', () => {
    const file = tempFile();
    writeCache(file, 400);
    const bytes = readFileSync(file);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    const { db, recovered } = openTracked(file);
    expect(recovered?.reason).toBe('corrupt');
    expectFreshAndWorking(db);
  });

  it('moves a database from a newer app version aside, untouched', () => {
    const file = tempFile();
    writeCache(file);
    const raw = new DatabaseSync(file);
    raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();

    const { db, recovered } = openTracked(file, () => 42);
    expect(recovered).toEqual({ reason: 'newer-version', movedTo: `${file}.newer-42` });
    const old = new DatabaseSync(`${file}.newer-42`, { readOnly: true });
    expect(old.prepare('PRAGMA user_version').get()?.user_version).toBe(SCHEMA_VERSION + 1);
    expect(old.prepare('SELECT count(*) AS n FROM followers').get()?.n).toBe(50);
    old.close();
    expectFreshAndWorking(db);
  });

  it('never overwrites an earlier moved-aside file', () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    for (let round = 0; round < 2; round++) {
      writeFileSync(file, `not a database ${round}`.repeat(100));
      const { db, recovered } = openAccountDb(file, { now: () => 7 });
      db.close();
      expect(recovered?.movedTo).toBe(round === 0 ? `${file}.corrupt-7` : `${file}.corrupt-7-1`);
    }
    expect(
      readdirSync(join(file, '..'))
        .filter((n) => n.includes('.corrupt-'))
        .sort(),
    ).toEqual(['cache.sqlite.corrupt-7', 'cache.sqlite.corrupt-7-1']);
  });

  it('still throws for problems that are not about the file’s content', () => {
    const file = tempFile();
    mkdirSync(file, { recursive: true }); // a folder where the database should be
    expect(() => openAccountDb(file)).toThrow();
    expect(existsSync(file)).toBe(true);
  });
});

describe('transactions', () => {
  it('commit together, roll back together, and nest', () => {
    const { db } = openTracked(tempFile());
    db.transaction(() => {
      db.followers.upsertMany([{ openid: 'a', subscribed: true }]);
      db.syncState.set('k', 1);
    });
    expect(() =>
      db.transaction(() => {
        db.followers.upsertMany([{ openid: 'b', subscribed: true }]);
        db.syncState.set('k', 2);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(db.followers.get('b')).toBeUndefined();
    expect(db.syncState.get('k')).toBe(1);

    db.transaction(() => {
      db.followers.upsertMany([{ openid: 'c', subscribed: true }]);
      expect(() =>
        db.transaction(() => {
          db.followers.upsertMany([{ openid: 'd', subscribed: true }]);
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(db.followers.get('c')).toBeDefined();
    expect(db.followers.get('d')).toBeUndefined();
    expect(connectionOf(db).isTransaction).toBe(false);
  });

  it('refuses an async callback instead of committing half of it later', () => {
    const { db } = openTracked(tempFile());
    expect(() =>
      db.transaction(async () => db.followers.upsertMany([{ openid: 'x', subscribed: true }])),
    ).toThrow(/synchronous/);
    expect(db.followers.get('x')).toBeUndefined();
    expect(connectionOf(db).isTransaction).toBe(false);
  });
});
