// The in-memory query index patches itself after each write (single rows moved in the sort
// orders, text spliced into the search string). Random edits interleaved with random queries,
// checked against the reference after every step, exercise those paths and their fallbacks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { followerQuerySchema, type FollowerQueryInput } from '#contract/followers';
import { openAccountDb, type AccountDb } from '../../../electron/core/store';
import {
  clearReferenceCache,
  FIXTURE_END_TIME,
  generateFollowers,
  loadFixture,
  referenceQuery,
  SCENES,
  seededRandom,
  type FixtureFollower,
} from './followerFixture';

let dir: string;
let db: AccountDb;
const data: FixtureFollower[] = generateFollowers(2000, 99);
const random = seededRandom(4242);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const WORDS = ['老王', '张伟', 'Tom', 'TOM', 'kevin', '陈', '', '王芳 VIP', '李总', 'x'];
const TAGS = [2, 100, 101, 102, 108];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-index-'));
  db = openAccountDb(join(dir, 'cache.sqlite')).db;
  loadFixture(db, data);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

let created = 0;
const edits: (() => void)[] = [
  () => {
    const f = pick(data);
    f.note = pick(WORDS) + (random() < 0.5 ? pick(WORDS) : '');
    db.followers.setNote(f.openid, f.note);
  },
  () => {
    const f = pick(data);
    f.remark = pick(WORDS);
    db.followers.setRemark(f.openid, f.remark);
  },
  () => {
    const f = pick(data);
    f.subscribeTime = random() < 0.1 ? null : FIXTURE_END_TIME - Math.floor(random() * 1000) * 60;
    db.followers.upsertMany([{ openid: f.openid, subscribed: f.subscribed, subscribeTime: f.subscribeTime }]);
  },
  () => {
    const f: FixtureFollower = {
      openid: `oNEW${String(created++).padStart(24, '0')}`,
      subscribed: true,
      subscribeTime: FIXTURE_END_TIME - Math.floor(random() * 1000) * 60,
      scene: pick(SCENES),
      remark: pick(WORDS),
      note: '',
      blacklisted: false,
      tags: [pick(TAGS)],
      legacyGroup: null,
    };
    data.push(f);
    db.followers.upsertMany([{ ...f, groupIds: f.tags, groupApi: 'tags' }]);
  },
  () => {
    const f = pick(data);
    const tag = pick(TAGS);
    if (f.tags.includes(tag)) {
      f.tags = f.tags.filter((t) => t !== tag);
      db.followers.removeFromGroup([f.openid], 'tags', tag);
    } else {
      f.tags = [...f.tags, tag];
      db.followers.addToGroup([f.openid], 'tags', tag);
    }
  },
  () => {
    const f = pick(data);
    f.blacklisted = !f.blacklisted;
    db.followers.setBlacklisted([f.openid], f.blacklisted);
  },
  () => {
    const f = pick(data);
    f.subscribed = !f.subscribed;
    db.followers.upsertMany([{ openid: f.openid, subscribed: f.subscribed }]);
  },
  () => {
    // A burst past the patch limits: many notes and remarks in one transaction.
    db.transaction(() => {
      for (let i = 0; i < 80; i++) {
        const f = pick(data);
        f.note = pick(WORDS);
        f.remark = pick(WORDS);
        db.followers.setNote(f.openid, f.note);
        db.followers.setRemark(f.openid, f.remark);
      }
    });
  },
];

function randomQuery(): FollowerQueryInput {
  const q: FollowerQueryInput = {
    sort: { by: random() < 0.5 ? 'remark' : 'subscribeTime', dir: random() < 0.5 ? 'asc' : 'desc' },
    offset: Math.floor(random() * 3) * 200,
    limit: 500,
  };
  const r = random();
  if (r < 0.35) q.text = pick(WORDS.filter((w) => w !== ''));
  else if (r < 0.55)
    q.groups = { mode: pick(['any', 'all', 'none'] as const), ids: random() < 0.3 ? [] : [pick(TAGS)] };
  else if (r < 0.65) q.blacklisted = random() < 0.5;
  else if (r < 0.75) q.subscribed = false;
  return q;
}

it('matches the reference after every one of 300 random edits', () => {
  for (let step = 0; step < 300; step++) {
    const edit = step % 50 === 49 ? edits[edits.length - 1] : pick(edits.slice(0, -1));
    edit();
    const q = followerQuerySchema.parse(randomQuery());
    const page = db.followers.query(q, 'tags');
    clearReferenceCache(data);
    const expected = referenceQuery(data, q, 'tags');
    expect({ step, total: page.total, openids: page.rows.map((r) => r.openid) }).toEqual({
      step,
      total: expected.total,
      openids: expected.openids,
    });
  }
});

it('keeps the separator out of reach: a term cannot span remark and note', () => {
  const f = data[0];
  f.remark = 'ab\u0001';
  f.note = 'cd';
  db.followers.setRemark(f.openid, f.remark);
  db.followers.setNote(f.openid, f.note);
  const hits = (text: string) =>
    db.followers.query({ text, subscribed: f.subscribed }, 'tags').rows.map((r) => r.openid);
  expect(hits('ab\u0001')).toContain(f.openid);
  expect(hits('bcd')).not.toContain(f.openid);
  expect(hits('\u0001cd')).not.toContain(f.openid);
});
