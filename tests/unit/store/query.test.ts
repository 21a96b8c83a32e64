// Query correctness at 100 000 followers: every filter and sort against a plain JavaScript
// filter-and-sort over the same generated data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupApi } from '#contract/accounts';
import { followerQuerySchema, type FollowerQueryInput } from '#contract/followers';
import { openAccountDb, type AccountDb } from '../../../electron/core/store';
import {
  FIXTURE_END_TIME,
  generateFollowers,
  loadFixture,
  OPENID_PREFIX,
  referenceQuery,
  type FixtureFollower,
} from './followerFixture';

const COUNT = 100_000;
let dir: string;
let db: AccountDb;
// Generated at import: the test cases below are built from it.
const data: FixtureFollower[] = generateFollowers(COUNT, 20240601);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-query-'));
  db = openAccountDb(join(dir, 'cache.sqlite')).db;
  loadFixture(db, data);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectSameAsReference(input: FollowerQueryInput, api: GroupApi = 'tags'): number {
  const q = followerQuerySchema.parse(input);
  const page = db.followers.query(q, api);
  const expected = referenceQuery(data, q, api);
  expect(page.total).toBe(expected.total);
  expect(page.offset).toBe(q.offset);
  expect(page.rows.map((r) => r.openid)).toEqual(expected.openids);
  return expected.total;
}

const DAY = 86400;
const someOpenid = () => data[12345].openid;

describe('each filter, at 100 000 followers', () => {
  const cases: [string, FollowerQueryInput][] = [
    ['no filter (subscribed, newest first)', {}],
    ['followers who left', { subscribed: false, limit: 500 }],
    ['blacklisted', { blacklisted: true, limit: 500 }],
    ['not blacklisted', { blacklisted: false }],
    ['one tag', { groups: { mode: 'any', ids: [101] } }],
    ['any of two tags', { groups: { mode: 'any', ids: [103, 107] } }],
    ['all of two tags', { groups: { mode: 'all', ids: [100, 101] }, limit: 500 }],
    ['all of three tags', { groups: { mode: 'all', ids: [100, 101, 102] }, limit: 500 }],
    ['in no group (ungrouped)', { groups: { mode: 'none', ids: [] } }],
    ['in none of two tags', { groups: { mode: 'none', ids: [100, 2] } }],
    ['a tag nobody has', { groups: { mode: 'any', ids: [999] } }],
    ['all of nothing does not filter', { groups: { mode: 'all', ids: [] } }],
    ['text: one Chinese character', { text: '张', limit: 500 }],
    ['text: two Chinese characters', { text: '老王', limit: 500 }],
    ['text: ASCII, any case', { text: 'TOM', limit: 500 }],
    ['text: ASCII, lower case query for upper case remark', { text: 'kevin', limit: 500 }],
    ['text: found in local notes', { text: 'tel 12', limit: 500 }],
    ['text: padded with spaces (trimmed)', { text: '  陈伟 ', limit: 500 }],
    ['text: openid prefix', { text: OPENID_PREFIX + someOpenid().slice(6, 8), limit: 500 }],
    ['text: a whole openid', { text: someOpenid() }],
    ['text: the openid tail a row shows', { text: someOpenid().slice(-4) }],
    [
      'text: the shortened openid a row shows',
      { text: `${someOpenid().slice(0, 6)}…${someOpenid().slice(-4)}` },
    ],
    ['text: shared openid prefix matches everyone', { text: OPENID_PREFIX }],
    ['text: nothing matches', { text: '不存在的备注' }],
    [
      'subscribe date range',
      { subscribedFrom: FIXTURE_END_TIME - 400 * DAY, subscribedTo: FIXTURE_END_TIME - 300 * DAY },
    ],
    ['subscribed since', { subscribedFrom: FIXTURE_END_TIME - 30 * DAY, limit: 500 }],
    ['subscribed until', { subscribedTo: FIXTURE_END_TIME - 5 * 365 * DAY, limit: 500 }],
    ['a date range for those who left (unknown times never match)', { subscribed: false, subscribedFrom: 0 }],
    ['one scene', { scenes: ['ADD_SCENE_QR_CODE'] }],
    ['two scenes', { scenes: ['ADD_SCENE_PAID', 'ADD_SCENE_WXA'], limit: 500 }],
    ['an unknown scene', { scenes: ['ADD_SCENE_NOPE'] }],
    [
      'everything at once',
      {
        text: '王',
        groups: { mode: 'any', ids: [100, 102] },
        blacklisted: false,
        subscribedFrom: FIXTURE_END_TIME - 3 * 365 * DAY,
        scenes: ['ADD_SCENE_SEARCH', 'ADD_SCENE_QR_CODE'],
        sort: { by: 'remark', dir: 'desc' },
        limit: 500,
      },
    ],
  ];
  it.each(cases)('%s', (_name, input) => {
    expectSameAsReference(input);
  });

  it('the cases are not vacuous', () => {
    const total = (q: FollowerQueryInput) => db.followers.count(q);
    expect(total({})).toBeGreaterThan(90_000);
    expect(total({ text: '老王' })).toBeGreaterThan(0);
    expect(total({ text: 'tel 12' })).toBeGreaterThan(0);
    expect(total({ groups: { mode: 'all', ids: [100, 101, 102] } })).toBeGreaterThan(0);
    expect(total({ subscribed: false, subscribedFrom: 0 })).toBeLessThan(total({ subscribed: false }));
    expect(total({ text: OPENID_PREFIX })).toBe(total({}));
  });
});

describe('each sort, at 100 000 followers', () => {
  const sorts = [
    { by: 'subscribeTime', dir: 'desc' },
    { by: 'subscribeTime', dir: 'asc' },
    { by: 'remark', dir: 'asc' },
    { by: 'remark', dir: 'desc' },
  ] as const;
  it.each(sorts)('$by $dir: first, middle and last windows', (sort) => {
    const total = expectSameAsReference({ sort, limit: 500 });
    expectSameAsReference({ sort, offset: 50_000, limit: 500 });
    expectSameAsReference({ sort, offset: total - 200, limit: 500 });
    // Followers who left include ones with no subscribe time: those sort last either way.
    expectSameAsReference({ sort, subscribed: false, offset: 2500, limit: 500 });
  });

  it('has real ties to break (same minute, same remark)', () => {
    const times = new Set<number>();
    let tie = false;
    for (const f of data) {
      if (f.subscribeTime === null) continue;
      if (times.has(f.subscribeTime)) tie = true;
      times.add(f.subscribeTime);
    }
    expect(tie).toBe(true);
    expect(db.followers.count({ text: '张伟' })).toBeGreaterThan(10);
  });
});

describe('windows', () => {
  it('returns the total with any window, and an empty page past the end', () => {
    const total = expectSameAsReference({ groups: { mode: 'any', ids: [105] }, offset: 0, limit: 1 });
    expectSameAsReference({ groups: { mode: 'any', ids: [105] }, offset: total - 1, limit: 10 });
    const past = db.followers.query({ groups: { mode: 'any', ids: [105] }, offset: total + 10 }, 'tags');
    expect(past).toMatchObject({ rows: [], total, offset: total + 10 });
  });

  it('pages through a filter without gaps or repeats', () => {
    const q = { text: '李', sort: { by: 'remark', dir: 'asc' } } as const;
    const seen: string[] = [];
    for (let offset = 0; ; offset += 97) {
      const page = db.followers.query({ ...q, offset, limit: 97 }, 'tags');
      seen.push(...page.rows.map((r) => r.openid));
      if (offset + 97 >= page.total) break;
    }
    const everything = { ...followerQuerySchema.parse(q), limit: COUNT };
    expect(seen.length).toBeGreaterThan(500);
    expect(seen).toEqual(referenceQuery(data, everything, 'tags').openids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects what the schema rejects', () => {
    expect(() => db.followers.query({ limit: 501 }, 'tags')).toThrow();
    expect(() => db.followers.query({ offset: -1 }, 'tags')).toThrow();
    expect(() => db.followers.query({ text: 'x'.repeat(101) }, 'tags')).toThrow();
    expect(() => db.followers.query({ bogus: 1 } as FollowerQueryInput, 'tags')).toThrow();
  });
});

describe('rows', () => {
  it('carry every field, with memberships of the asked-for API', () => {
    const withNote = data.find((f) => f.note !== '' && f.subscribed && f.tags.length > 1 && f.legacyGroup)!;
    const page = db.followers.query({ text: withNote.openid }, 'tags');
    expect(page.rows).toEqual([
      {
        openid: withNote.openid,
        subscribed: true,
        subscribeTime: withNote.subscribeTime,
        scene: withNote.scene,
        qrScene: null,
        qrSceneStr: null,
        remark: withNote.remark,
        language: 'zh_CN',
        unionid: null,
        groupIds: [...withNote.tags].sort((a, b) => a - b),
        blacklisted: withNote.blacklisted,
        note: withNote.note,
        firstSeen: expect.any(Number),
        lastSeen: expect.any(Number),
      },
    ]);
    expect(db.followers.query({ text: withNote.openid }, 'groups').rows[0].groupIds).toEqual([
      withNote.legacyGroup,
    ]);
  });
});

describe('legacy groups (one group per follower), at 100 000 followers', () => {
  const cases: [string, FollowerQueryInput][] = [
    ['no group = group 0 or none', { groups: { mode: 'none', ids: [] } }],
    ['group 0 includes followers without a group row', { groups: { mode: 'any', ids: [0] } }],
    ['one group', { groups: { mode: 'any', ids: [101] } }],
    ['two groups', { groups: { mode: 'any', ids: [2, 104] }, sort: { by: 'remark', dir: 'asc' } }],
    ['all of two groups: nobody', { groups: { mode: 'all', ids: [100, 101] } }],
    ['none of group 0 and 1', { groups: { mode: 'none', ids: [0, 1] } }],
  ];
  it.each(cases)('%s', (_name, input) => {
    expectSameAsReference(input, 'groups');
  });
});
