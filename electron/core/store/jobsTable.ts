/**
 * `CREATE TABLE` for the jobs table as migrations 2 and 3 make it; they differ only in whether
 * `pause_reason` is checked against a fixed list. Frozen like the migrations that use it: a later
 * change to the table is a new migration (as migration4 is), never an edit here. Its text is
 * migration 3's to the letter: that is what sqlite_master keeps (tests/unit/store/schema.snapshot.sql).
 * `api` is the group API the job was planned for; its items are meaningless under the other one.
 */
export function createJobsTable(name: string, pauseReasons: readonly string[] | 'unchecked'): string {
  const pauseCheck =
    pauseReasons === 'unchecked'
      ? ''
      : ` CHECK (pause_reason IN (${pauseReasons.map((r) => `'${r}'`).join(', ')}))`;
  return `
    CREATE TABLE ${name} (
      id           TEXT    NOT NULL PRIMARY KEY,
      kind         TEXT    NOT NULL,
      api          TEXT    NOT NULL CHECK (api IN ('tags', 'groups')),
      status       TEXT    NOT NULL
        CHECK (status IN ('queued', 'running', 'paused', 'done', 'cancelled', 'failed')),
      pause_reason TEXT${pauseCheck},
      resume_at    INTEGER,
      params       TEXT    NOT NULL,
      total        INTEGER NOT NULL DEFAULT 0,
      succeeded    INTEGER NOT NULL DEFAULT 0,
      failed       INTEGER NOT NULL DEFAULT 0,
      skipped      INTEGER NOT NULL DEFAULT 0,
      created_at   INTEGER NOT NULL,
      started_at   INTEGER,
      finished_at  INTEGER,
      undo_of      TEXT,
      undone_by    TEXT,
      last_error   TEXT
    );`;
}
