// The cache's query index can warm up in slices on separate turns (so the browser host keeps
// serving files meanwhile). Whatever happens between the slices, queries answer as from a full load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followerQuerySchema } from '#contract/followers';
import { openAccountDb, type AccountDb } from '../../../electron/core/store';
import { generateFollowers, loadFixture, referenceQuery, type FixtureFollower } from './followerFixture';

let dir: string;
let db: AccountDb;
let data: FixtureFollower[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-warm-'));
  data = generateFollowers(45_000, 7);
  const file = join(dir, 'cache.sqlite');
  loadFixture(openAccountDb(file).db, data);
  // A fresh connection, as when the app starts: its index is not loaded yet.
  db = openAccountDb(file).db;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = followerQuerySchema.parse({ sort: { by: 'subscribeTime', dir: 'desc' }, limit: 50 });
const firstWindow = () => db.followers.query(query, 'tags').rows.map((r) => r.openid);
const expected = () => referenceQuery(data, query, 'tags').openids;

describe('warming up in steps', () => {
  it('takes several steps at 45 000 followers and then answers like a full load', () => {
    let steps = 0;
    for (const _ of db.followers.warmSteps('tags')) steps++;
    // 3 slices of 20 000 rows, then memberships and the time order.
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(firstWindow()).toEqual(expected());
    expect(db.followers.query(query, 'tags').total).toBe(referenceQuery(data, query, 'tags').total);
  });

  it('a query between two slices finishes the load and answers; the remaining steps change nothing', () => {
    const steps = db.followers.warmSteps('tags');
    steps.next();
    expect(firstWindow()).toEqual(expected());
    while (!steps.next().done) {
      // the rest of the warm-up
    }
    expect(firstWindow()).toEqual(expected());
  });

  it('a write through this connection between two slices is seen by the next query', () => {
    const steps = db.followers.warmSteps('tags');
    steps.next();
    // A follower of the first slice (the smallest openid) gets a note after it was read.
    const first = data.map((f) => f.openid).sort()[0] as string;
    db.followers.setNote(first, '刚写的笔记');
    while (!steps.next().done) {
      // the rest of the warm-up
    }
    const found = db.followers.query({ ...query, text: '刚写的笔记' }, 'tags');
    expect(found.rows.map((r) => r.openid)).toEqual([first]);
  });
});
