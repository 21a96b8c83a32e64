import type { SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';

/**
 * Narrowing for values read back from SQLite. The schema guarantees the types, so a mismatch is a
 * bug (or a hand-edited file) and throws instead of leaking a wrong type to the renderer.
 */

export type SqlRow = Record<string, SQLOutputValue>;

export function num(value: SQLOutputValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number from SQLite, got ${typeof value}`);
}

export function numOrNull(value: SQLOutputValue | undefined): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function str(value: SQLOutputValue | undefined): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected a string from SQLite, got ${typeof value}`);
}

export function strOrNull(value: SQLOutputValue | undefined): string | null {
  return value === null || value === undefined ? null : str(value);
}

export type SqlArrayRow = SQLOutputValue[];

/** Rows of a statement switched to setReturnArrays(true) (node's typings do not follow that switch). */
export function arrayRows(statement: StatementSync, ...params: SQLInputValue[]): Iterable<SqlArrayRow> {
  return statement.iterate(...params) as Iterable<unknown> as Iterable<SqlArrayRow>;
}

export function arrayRow(statement: StatementSync, ...params: SQLInputValue[]): SqlArrayRow | undefined {
  return statement.get(...params) as unknown as SqlArrayRow | undefined;
}
