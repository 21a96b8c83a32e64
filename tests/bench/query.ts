// Query benchmark for the offline cache (not a test): builds a 100 000-follower database in a temp
// folder through the store's own API, then times a realistic mix of `followers.query` calls
// (zod parsing, filtering, sorting, counting and reading the page's rows: everything the core does
// for followers:query). Also times queries right after single edits (which make the in-memory
// index patch itself). Run: npx tsx tests/bench/query.ts [--followers 100000] [--queries 2000]

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FollowerQueryInput } from '#contract/followers';
import { connectionOf } from '../../electron/core/store/connection';
import { openAccountDb } from '../../electron/core/store';
import {
  FIXTURE_END_TIME,
  FIXTURE_TAGS,
  generateFollowers,
  loadFixture,
  SCENES,
  seededRandom,
} from '../unit/store/followerFixture';

export interface QueryBenchOptions {
  followers?: number;
  /** Timed queries in the mix (after the warm-up). */
  queries?: number;
  warmup?: number;
  /** Rows per page. */
  limit?: number;
  seed?: number;
  /** Where to build the database (a temp folder by default, removed afterwards). */
  dir?: string;
}

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Mean matches per query of this kind. */
  meanTotal: number;
}

export interface QueryBenchResult {
  followers: number;
  /** Generating the data set in memory. */
  generateMs: number;
  /** Writing it through the store (upsertMany, memberships of both APIs, notes). */
  buildMs: number;
  /** First query: loading the in-memory index from SQLite. */
  firstQueryMs: number;
  /** Re-opening the file (quick_check included). */
  reopenMs: number;
  /** Database file size after a checkpoint (no WAL left). */
  dbBytes: number;
  overall: LatencyStats;
  byKind: Record<string, LatencyStats>;
  /** A query right after a single edit (note, remark, group), per edit kind. */
  afterEdit: Record<string, LatencyStats>;
}

type QueryMaker = (random: () => number) => FollowerQueryInput;

const CHINESE_TERMS_2 = ['老王', '张伟', '王芳', '李总', '陈姐', '刘老', '赵敏', '阿姨'];
const CHINESE_TERMS_1 = ['张', '王', '李', '老', '伟', '林'];
const DAY = 86400;
const tagIds = FIXTURE_TAGS.map(([id]) => id).filter((id) => id !== 2);

function pickFrom<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** The mix: what the followers page asks for, roughly as often as a user would. */
function queryKinds(openids: readonly string[], limit: number): Record<string, QueryMaker> {
  const dateRange = (random: () => number) => {
    const from = FIXTURE_END_TIME - Math.floor(random() * 5 * 365) * DAY;
    return { subscribedFrom: from, subscribedTo: from + Math.floor(1 + random() * 90) * DAY };
  };
  return {
    'no filter': (r) => ({ offset: Math.floor(r() * 10) * limit, limit }),
    'one tag': (r) => ({ groups: { mode: 'any', ids: [pickFrom(r, tagIds)] }, limit }),
    'two tags, any': (r) => ({
      groups: { mode: 'any', ids: [pickFrom(r, tagIds), pickFrom(r, tagIds)] },
      limit,
    }),
    'two tags, all': (r) => ({
      groups: { mode: 'all', ids: [pickFrom(r, tagIds), pickFrom(r, tagIds)] },
      limit,
    }),
    ungrouped: () => ({ groups: { mode: 'none', ids: [] }, limit }),
    'text, 2 Chinese chars': (r) => ({ text: pickFrom(r, CHINESE_TERMS_2), limit }),
    'text, 1 Chinese char': (r) => ({ text: pickFrom(r, CHINESE_TERMS_1), limit }),
    'text, ASCII': (r) => ({ text: pickFrom(r, ['tom', 'Lucy', 'kev', 'VIP', 'tel 13']), limit }),
    'text, openid prefix': (r) => ({ text: pickFrom(r, openids).slice(0, 8 + Math.floor(r() * 6)), limit }),
    'date range': (r) => ({ ...dateRange(r), limit }),
    scene: (r) => ({ scenes: [pickFrom(r, SCENES)], limit }),
    blacklisted: (r) => ({ blacklisted: r() < 0.5, limit }),
    'sorted by remark': (r) => ({
      sort: { by: 'remark', dir: r() < 0.5 ? 'asc' : 'desc' },
      offset: Math.floor(r() * 20) * limit,
      limit,
    }),
    'deep offset': (r) => ({ offset: 40_000 + Math.floor(r() * 20_000), limit }),
    combined: (r) => ({
      text: pickFrom(r, CHINESE_TERMS_1),
      groups: { mode: 'any', ids: [pickFrom(r, tagIds)] },
      blacklisted: false,
      ...dateRange(r),
      sort: { by: 'remark', dir: 'asc' },
      limit,
    }),
  };
}

function stats(samples: number[], totals: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    count: samples.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    meanTotal: Math.round(totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length)),
  };
}

export function runQueryBench(options: QueryBenchOptions = {}): QueryBenchResult {
  const followers = options.followers ?? 100_000;
  const queries = options.queries ?? 2000;
  const warmup = options.warmup ?? 200;
  const limit = options.limit ?? 100;
  const random = seededRandom(options.seed ?? 7);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'fg-bench-query-'));
  const file = join(dir, 'cache.sqlite');
  try {
    let t = performance.now();
    const data = generateFollowers(followers, options.seed ?? 7);
    const generateMs = performance.now() - t;

    t = performance.now();
    let db = openAccountDb(file).db;
    loadFixture(db, data);
    const buildMs = performance.now() - t;
    connectionOf(db).exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(file).size;
    db.close();

    t = performance.now();
    db = openAccountDb(file).db;
    const reopenMs = performance.now() - t;
    t = performance.now();
    db.followers.query({}, 'tags');
    const firstQueryMs = performance.now() - t;

    const kinds = queryKinds(
      data.map((f) => f.openid),
      limit,
    );
    const names = Object.keys(kinds);
    const samples = new Map<string, number[]>(names.map((n) => [n, []]));
    const totals = new Map<string, number[]>(names.map((n) => [n, []]));
    const all: number[] = [];
    for (let i = 0; i < warmup + queries; i++) {
      const name = names[i % names.length];
      const query = kinds[name](random);
      const start = performance.now();
      const page = db.followers.query(query, 'tags');
      const ms = performance.now() - start;
      if (i < warmup) continue;
      samples.get(name)?.push(ms);
      totals.get(name)?.push(page.total);
      all.push(ms);
    }

    // Single edits, each followed by the query that depends on what changed.
    const edits: Record<string, (i: number) => FollowerQueryInput> = {
      'note, then text search': (i) => {
        db.followers.setNote(pickFrom(random, data).openid, `回访 ${i} 老王`);
        return { text: '老王' };
      },
      'remark, then remark sort': (i) => {
        db.followers.setRemark(pickFrom(random, data).openid, `王${i}`);
        return { sort: { by: 'remark', dir: 'asc' } };
      },
      'tag, then tag filter': () => {
        db.followers.addToGroup([pickFrom(random, data).openid], 'tags', 101);
        return { groups: { mode: 'any', ids: [101] } };
      },
    };
    const afterEdit: Record<string, LatencyStats> = {};
    for (const [name, edit] of Object.entries(edits)) {
      const times: number[] = [];
      const editTotals: number[] = [];
      for (let i = 0; i < 60; i++) {
        const query = edit(i);
        const start = performance.now();
        const page = db.followers.query({ ...query, limit }, 'tags');
        times.push(performance.now() - start);
        editTotals.push(page.total);
      }
      afterEdit[name] = stats(times, editTotals);
    }
    db.close();

    const byKind: Record<string, LatencyStats> = {};
    for (const name of names) byKind[name] = stats(samples.get(name) ?? [], totals.get(name) ?? []);
    const allTotals = [...totals.values()].flat();
    return {
      followers,
      generateMs: Math.round(generateMs),
      buildMs: Math.round(buildMs),
      firstQueryMs: Math.round(firstQueryMs),
      reopenMs: Math.round(reopenMs),
      dbBytes,
      overall: stats(all, allTotals),
      byKind,
      afterEdit,
    };
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(result: QueryBenchResult): void {
  const mb = (result.dbBytes / 1024 / 1024).toFixed(1);
  console.log(
    `followers.query benchmark — ${result.followers.toLocaleString('en')} followers, Node ${process.version}`,
  );
  console.log(
    `generate ${result.generateMs} ms · build ${result.buildMs} ms · reopen ${result.reopenMs} ms · ` +
      `first query (index load) ${result.firstQueryMs} ms · database ${mb} MiB`,
  );
  const row = (name: string, s: LatencyStats) =>
    `${name.padEnd(26)} ${String(s.count).padStart(5)} ${s.p50.toFixed(3).padStart(8)} ${s.p95
      .toFixed(3)
      .padStart(
        8,
      )} ${s.p99.toFixed(3).padStart(8)} ${s.max.toFixed(3).padStart(8)} ${String(s.meanTotal).padStart(8)}`;
  console.log(
    `\n${'kind'.padEnd(26)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'matches'.padStart(8)}`,
  );
  for (const [name, s] of Object.entries(result.byKind)) console.log(row(name, s));
  console.log(row('OVERALL', result.overall));
  console.log('\nquery right after a single edit');
  for (const [name, s] of Object.entries(result.afterEdit)) console.log(row(name, s));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { followers: { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean' } },
  });
  const result = runQueryBench({
    followers: values.followers ? Number(values.followers) : undefined,
    queries: values.queries ? Number(values.queries) : undefined,
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printTable(result);
}
