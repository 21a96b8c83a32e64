import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { openAccountDb } from '../../../electron/core/store';

// Written by hand and committed: a missing or different file fails, it is never (re)created here.
const SNAPSHOT = join(import.meta.dirname, 'schema.snapshot.sql');

/** The schema as text: user_version, then every sqlite_master entry (implicit indexes as comments). */
function schemaText(file: string): string {
  // A second, read-only connection: it sees exactly what the migrations committed.
  const reader = new DatabaseSync(file, { readOnly: true });
  try {
    const version = reader.prepare('PRAGMA user_version').get()?.user_version;
    const lines = [`PRAGMA user_version = ${String(version)};`];
    const entries = reader
      .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
      .all();
    for (const { type, name, tbl_name: table, sql } of entries) {
      lines.push('', `-- ${String(type)} ${String(name)} on ${String(table)}`);
      lines.push(sql === null ? '-- (implicit: no SQL)' : `${String(sql)};`);
    }
    return `${lines.join('\n')}\n`;
  } finally {
    reader.close();
  }
}

/** The snapshot without its header comment (the lines before the PRAGMA), line endings as \n. */
function committedSchema(): string {
  if (!existsSync(SNAPSHOT)) {
    throw new Error(
      `no schema snapshot at ${SNAPSHOT}: write it by hand from the schema the migrations make`,
    );
  }
  const text = readFileSync(SNAPSHOT, 'utf8').replace(/\r\n/g, '\n');
  return text.slice(text.indexOf('PRAGMA user_version'));
}

it('a fresh account cache has the committed schema after all migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-schema-'));
  const { db } = openAccountDb(join(dir, 'cache.sqlite'), { now: () => 1_700_000_000_000 });
  try {
    expect(
      schemaText(db.file),
      'a migration changed the schema: update the snapshot on purpose (tests/unit/store/schema.snapshot.sql)',
    ).toBe(committedSchema());
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
