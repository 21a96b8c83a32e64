import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb, type AccountDb } from '../../../electron/core/store';

const dirs: string[] = [];
const open: AccountDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

function cacheFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-private-'));
  dirs.push(dir);
  return join(dir, 'accounts', 'a1', 'cache.sqlite');
}

function openWithRows(file: string): AccountDb {
  const { db } = openAccountDb(file);
  open.push(db);
  db.followers.upsertMany([{ openid: `o${'1'.repeat(27)}`, subscribed: true, remark: '张三' }]);
  return db;
}

describe.skipIf(process.platform === 'win32')('the cache is readable by its owner only', () => {
  it('a new cache: folder 0700, database, WAL, shared-memory and note backup files 0600', () => {
    const file = cacheFile();
    openWithRows(file);
    expect(mode(dirname(file))).toBe(0o700);
    expect(mode(dirname(dirname(file)))).toBe(0o700);
    const notes = join(dirname(file), 'notes.sqlite');
    for (const path of [file, `${file}-wal`, `${file}-shm`, notes]) expect(mode(path), path).toBe(0o600);
  });

  it('a cache an earlier version left readable by others is tightened when it opens', () => {
    const file = cacheFile();
    const db = openWithRows(file);
    db.close();
    open.splice(0);
    chmodSync(dirname(file), 0o755);
    chmodSync(file, 0o644);
    openWithRows(file);
    expect(mode(dirname(file))).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
  });

  it('a damaged file is replaced by a fresh cache that is private too', () => {
    const file = cacheFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'not a database, just text long enough to be read as a header'.repeat(20));
    chmodSync(file, 0o644);
    const { db, recovered } = openAccountDb(file);
    open.push(db);
    expect(recovered?.reason).toBe('corrupt');
    expect(mode(file)).toBe(0o600);
  });
});
