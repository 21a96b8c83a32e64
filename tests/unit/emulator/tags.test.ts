// User tags (doc §2): every rule at and over its limit.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { type Json, classicToken, get, post } from './helpers';

const OTHER = { appid: 'wx0123456789abcdef', secret: 'b'.repeat(32) };
let sb: Emulator;
let token: string;
let openids: string[];

beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 300 },
      { ...OTHER, followers: 20 },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  // The rules below are about permanent answers; the transient 45159 of a new tag has its own tests.
  sb.control.configure({ newTagStaleCalls: 0 });
  token = await classicToken(sb);
  openids = sb.control.state().openids();
});

const p = (path: string, body: unknown): Promise<Json> => post(sb, `/cgi-bin/${path}`, token, body);
const create = async (name: string): Promise<number> => {
  const r = await p('tags/create', { tag: { name } });
  if (!r.tag) throw new Error(JSON.stringify(r));
  return (r.tag as { id: number }).id;
};

describe('tags/get and tags/create', () => {
  it('lists 星标组 (id 2) first, then seeded custom tags from 100 with counts, ids large and sparse', async () => {
    const { tags } = (await get(sb, '/cgi-bin/tags/get', token)) as {
      tags: { id: number; name: string; count: number }[];
    };
    expect(tags[0]).toMatchObject({ id: RESERVED_GROUP.starred, name: '星标组' });
    const ids = tags.slice(1).map((t) => t.id);
    expect(ids[0]).toBe(100);
    // Increasing, never by a fixed step, into the thousands (doc §10: 29846 seen).
    for (let k = 1; k < ids.length; k++) expect(ids[k]).toBeGreaterThan(ids[k - 1] as number);
    expect(new Set(ids.slice(1).map((id, k) => id - (ids[k] as number))).size).toBeGreaterThan(1);
    expect(ids[ids.length - 1]).toBeGreaterThan(1000);
    expect(tags.some((t) => t.name === '老顾客')).toBe(true);
    expect(tags).toEqual(sb.control.state().tags());
    for (const t of tags) expect(t.count).toBe(sb.control.state().tagMembers(t.id).length);
  });

  it('creates {"tag":{"id","name"}} with ids that increase and are never reused', async () => {
    const r = await p('tags/create', { tag: { name: '广东' } });
    expect(r).toEqual({ tag: { id: expect.any(Number) as number, name: '广东' } });
    const a = (r.tag as { id: number }).id;
    expect(a).toBeGreaterThanOrEqual(100);
    expect((await p('tags/delete', { tag: { id: a } })).errcode).toBe(0);
    const b = await create('广东');
    expect(b).toBeGreaterThan(a);
  });

  it("numbers tags 100, 101, 102… with the AppSpec option tagIds: 'sequential'", async () => {
    const seq = await startEmulator({
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 50, tagIds: 'sequential' }],
    });
    try {
      const ids = seq.control
        .state()
        .tags()
        .map((t) => t.id);
      expect(ids).toEqual([RESERVED_GROUP.starred, ...ids.slice(1).map((_, k) => 100 + k)]);
    } finally {
      await seq.close();
    }
  });

  it('limits names to 30 characters by default (45158), option bytes', async () => {
    expect(await create('标'.repeat(30))).toBeGreaterThan(0);
    expect((await p('tags/create', { tag: { name: '签'.repeat(31) } })).errcode).toBe(45158);
    expect((await p('tags/create', { tag: { name: 'a'.repeat(31) } })).errcode).toBe(45158);
    sb.control.configure({ tagNameRule: 'bytes' });
    expect(await create('字'.repeat(10))).toBeGreaterThan(0);
    expect((await p('tags/create', { tag: { name: '节'.repeat(11) } })).errcode).toBe(45158);
    expect(await create('b'.repeat(30))).toBeGreaterThan(0);
  });

  it('refuses illegal and duplicate names with 45157 (system tag names included)', async () => {
    expect((await p('tags/create', { tag: { name: '' } })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: { name: '   ' } })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: {} })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: { name: '老顾客' } })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: { name: '星标组' } })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: { name: 'a\nb' } })).errcode).toBe(45157);
    expect((await p('tags/create', { tag: { name: 5 } })).errcode).toBe(47001);
    expect((await p('tags/create', { name: 'x' })).errcode).toBe(47001);
  });

  it('allows 100 custom tags; the 101st is 45056 (configurable)', async () => {
    const existing = sb.control.state().tags().length - 1;
    for (let k = existing; k < 100; k++) await create(`t${k}`);
    expect(sb.control.state().tags()).toHaveLength(101);
    expect((await p('tags/create', { tag: { name: 'one too many' } })).errcode).toBe(45056);
    sb.control.configure({ maxTags: 101 });
    expect(await create('one more')).toBeGreaterThan(0);
  });
});

describe('tags/update and tags/delete', () => {
  it('renames; refuses system tags (45058), unknown ids (45159), duplicates (45157), long names (45158)', async () => {
    const id = await create('旧名');
    expect(await p('tags/update', { tag: { id, name: '新名' } })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(
      sb.control
        .state()
        .tags()
        .find((t) => t.id === id)?.name,
    ).toBe('新名');
    expect((await p('tags/update', { tag: { id, name: '新名' } })).errcode).toBe(0);
    for (const sys of [0, 1, 2])
      expect((await p('tags/update', { tag: { id: sys, name: 'x' } })).errcode).toBe(45058);
    expect((await p('tags/update', { tag: { id: 999, name: 'x' } })).errcode).toBe(45159);
    expect((await p('tags/update', { tag: { id, name: '老顾客' } })).errcode).toBe(45157);
    expect((await p('tags/update', { tag: { id, name: 'x'.repeat(31) } })).errcode).toBe(45158);
  });

  it('deletes and removes the tag from every follower', async () => {
    const id = await create('待删');
    await p('tags/members/batchtagging', { openid_list: openids.slice(0, 3), tagid: id });
    expect(((await p('tags/getidlist', { openid: openids[0] })).tagid_list as number[]).includes(id)).toBe(
      true,
    );
    expect((await p('tags/delete', { tag: { id } })).errcode).toBe(0);
    expect(((await p('tags/getidlist', { openid: openids[0] })).tagid_list as number[]).includes(id)).toBe(
      false,
    );
    expect(
      sb.control
        .state()
        .tags()
        .some((t) => t.id === id),
    ).toBe(false);
    expect((await p('tags/delete', { tag: { id } })).errcode).toBe(45159);
    for (const sys of [0, 1, 2]) expect((await p('tags/delete', { tag: { id: sys } })).errcode).toBe(45058);
  });

  it('refuses to delete a tag with more than tagDeleteMaxFans followers (45057)', async () => {
    sb.control.configure({ tagDeleteMaxFans: 5 });
    const id = await create('大标签');
    await p('tags/members/batchtagging', { openid_list: openids.slice(0, 6), tagid: id });
    expect((await p('tags/delete', { tag: { id } })).errcode).toBe(45057);
    await p('tags/members/batchuntagging', { openid_list: openids.slice(0, 1), tagid: id });
    expect((await p('tags/delete', { tag: { id } })).errcode).toBe(0);
  });

  it('defaults tagDeleteMaxFans to 100 000', () => {
    expect(sb.control.settings().tagDeleteMaxFans).toBe(100_000);
  });
});

describe('batchtagging / batchuntagging / getidlist', () => {
  it('tags up to 50 openids per call (40032 over, and for an empty list)', async () => {
    const id = await create('批量');
    expect(await p('tags/members/batchtagging', { openid_list: openids.slice(0, 50), tagid: id })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect(sb.control.state().tagMembers(id)).toHaveLength(50);
    expect(
      (await p('tags/members/batchtagging', { openid_list: openids.slice(0, 51), tagid: id })).errcode,
    ).toBe(40032);
    expect((await p('tags/members/batchtagging', { openid_list: [], tagid: id })).errcode).toBe(40032);
    expect(
      (await p('tags/members/batchuntagging', { openid_list: openids.slice(0, 51), tagid: id })).errcode,
    ).toBe(40032);
    expect(
      (await p('tags/members/batchuntagging', { openid_list: openids.slice(0, 50), tagid: id })).errcode,
    ).toBe(0);
    expect(sb.control.state().tagMembers(id)).toHaveLength(0);
  });

  it('treats re-tagging and untagging a missing tag as success', async () => {
    const id = await create('幂等');
    await p('tags/members/batchtagging', { openid_list: [openids[0]], tagid: id });
    expect((await p('tags/members/batchtagging', { openid_list: [openids[0]], tagid: id })).errcode).toBe(0);
    expect(
      sb.control
        .state()
        .tags()
        .find((t) => t.id === id)?.count,
    ).toBe(1);
    expect((await p('tags/members/batchuntagging', { openid_list: [openids[1]], tagid: id })).errcode).toBe(
      0,
    );
  });

  it('45159 for unknown or system tags 0/1; 星标组 (2) can be used', async () => {
    for (const tagid of [0, 1, 999]) {
      expect((await p('tags/members/batchtagging', { openid_list: [openids[0]], tagid })).errcode).toBe(
        45159,
      );
    }
    expect((await p('tags/members/batchtagging', { openid_list: [openids[0]] })).errcode).toBe(45159);
    expect((await p('tags/members/batchtagging', { openid_list: [openids[0]], tagid: 2 })).errcode).toBe(0);
    expect(sb.control.state().follower(openids[0])?.tagIds).toContain(RESERVED_GROUP.starred);
  });

  it('40003 for malformed or unknown openids, 49003 for another app’s, and applies nothing', async () => {
    const id = await create('校验');
    const other = sb.control.state(OTHER.appid).openids()[0];
    const unknown = 'o' + 'A'.repeat(27);
    for (const [bad, code] of [
      ['short', 40003],
      [unknown, 40003],
      [123, 40003],
      [other, 49003],
    ] as const) {
      const r = await p('tags/members/batchtagging', { openid_list: [openids[0], bad], tagid: id });
      expect(r.errcode).toBe(code);
    }
    expect(sb.control.state().tagMembers(id)).toHaveLength(0);
    expect((await p('tags/getidlist', { openid: other })).errcode).toBe(49003);
    expect((await p('tags/getidlist', { openid: 'nope' })).errcode).toBe(40003);
    expect((await p('tags/getidlist', {})).errcode).toBe(40003);
  });

  it('refuses followers who left with 50005', async () => {
    const id = await create('退订');
    sb.control.state().unfollow([openids[5]]);
    const r = await p('tags/members/batchtagging', { openid_list: [openids[4], openids[5]], tagid: id });
    expect(r.errcode).toBe(50005);
    expect(sb.control.state().tagMembers(id)).toHaveLength(0);
  });

  it('allows 20 tags per follower; the 21st is 45059 for the whole call', async () => {
    const who = openids[10];
    sb.control.state().setTags(who, []);
    const ids: number[] = [];
    for (let k = 0; k < 21; k++) ids.push(await create(`上限${k}`));
    for (const id of ids.slice(0, 20)) {
      expect((await p('tags/members/batchtagging', { openid_list: [who], tagid: id })).errcode).toBe(0);
    }
    const r = await p('tags/members/batchtagging', { openid_list: [openids[11], who], tagid: ids[20] });
    expect(r.errcode).toBe(45059);
    expect(sb.control.state().tagMembers(ids[20])).toHaveLength(0);
    // Re-tagging with a tag the follower already has is still fine.
    expect((await p('tags/members/batchtagging', { openid_list: [who], tagid: ids[0] })).errcode).toBe(0);
  });

  it('getidlist answers {"tagid_list":[...]} without errcode', async () => {
    const id = await create('查询');
    sb.control.state().setTags(openids[3], [2, id]);
    expect(await p('tags/getidlist', { openid: openids[3] })).toEqual({ tagid_list: [2, id] });
  });
});

describe('user/tag/get paging', () => {
  it('pages by tagMemberPageSize with an exclusive cursor and the end-of-list quirk', async () => {
    sb.control.configure({ tagMemberPageSize: 4 });
    const id = await create('分页');
    const members = openids.slice(20, 30);
    await p('tags/members/batchtagging', { openid_list: members, tagid: id });
    const seen: string[] = [];
    let next = '';
    const pages: Json[] = [];
    for (let k = 0; k < 10; k++) {
      const r = await p('user/tag/get', { tagid: id, next_openid: next });
      pages.push(r);
      if (!r.data) break;
      seen.push(...(r.data as { openid: string[] }).openid);
      next = r.next_openid as string;
    }
    expect(pages.map((r) => r.count)).toEqual([4, 4, 2, 0]);
    expect(pages[2].next_openid).toBe(seen[9]);
    expect(pages[3]).toEqual({ count: 0, next_openid: '' });
    expect(new Set(seen)).toEqual(new Set(members));
  });

  it('answers 45159 for an unknown tag and 40003 for a bad cursor', async () => {
    expect((await p('user/tag/get', { tagid: 999, next_openid: '' })).errcode).toBe(45159);
    expect((await p('user/tag/get', { tagid: 100, next_openid: 'bogus' })).errcode).toBe(40003);
    expect((await p('user/tag/get', { tagid: 100 })).count).toBeGreaterThan(0);
  });
});

describe('45159 that goes away by itself (doc §10)', () => {
  it('a new tag answers 45159 to its first membership call by default, then works', async () => {
    sb.control.reset();
    token = await classicToken(sb);
    const id = await create('刚建的');
    const body = { openid_list: openids.slice(0, 3), tagid: id };
    expect((await p('tags/members/batchtagging', body)).errcode).toBe(45159);
    expect((await p('tags/members/batchtagging', body)).errcode).toBe(0);
    expect(sb.control.state().tagMembers(id)).toHaveLength(3);
  });

  it('newTagStaleCalls sets how many calls; seeded tags are never stale', async () => {
    sb.control.reset();
    sb.control.configure({ newTagStaleCalls: 2 });
    token = await classicToken(sb);
    const id = await create('刚建的');
    const body = { openid_list: openids.slice(0, 1), tagid: id };
    expect((await p('tags/members/batchtagging', body)).errcode).toBe(45159);
    expect((await p('tags/members/batchuntagging', body)).errcode).toBe(45159);
    expect((await p('tags/members/batchtagging', body)).errcode).toBe(0);
    const seeded = sb.control.state().tags()[1]?.id as number;
    expect((await p('tags/members/batchtagging', { ...body, tagid: seeded })).errcode).toBe(0);
  });

  it('the tagRace fault answers 45159 on tagging at its rate and nothing is applied', async () => {
    const seeded = sb.control.state().tags()[1]?.id as number;
    const who = openids.find((o) => !sb.control.state().follower(o)?.tagIds.includes(seeded)) as string;
    sb.control.addFault({ kind: 'tagRace', rate: 1, count: 1 });
    expect((await p('tags/members/batchtagging', { openid_list: [who], tagid: seeded })).errcode).toBe(45159);
    expect(sb.control.state().follower(who)?.tagIds).not.toContain(seeded);
    expect((await p('tags/members/batchtagging', { openid_list: [who], tagid: seeded })).errcode).toBe(0);
    expect(() => sb.control.addFault({ kind: 'tagRace', rate: 2 })).toThrow(/rate/);
  });
});
