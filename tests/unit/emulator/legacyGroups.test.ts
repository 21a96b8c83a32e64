// Legacy user groups (doc §3): one group per follower, reserved ids, limits.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { type Json, classicToken, get, post } from './helpers';

let sb: Emulator;
let token: string;
let openids: string[];
beforeAll(async () => {
  sb = await startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 200 }] });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
  openids = sb.control.state().openids();
});

const p = (path: string, body: unknown): Promise<Json> => post(sb, `/cgi-bin/groups/${path}`, token, body);
type Group = { id: number; name: string; count: number };
const groups = async (): Promise<Group[]> => (await get(sb, '/cgi-bin/groups/get', token)).groups as Group[];

describe('groups', () => {
  it('lists 未分组 / 黑名单 / 星标组 first; counts add up to the followers', async () => {
    const list = await groups();
    expect(list.slice(0, 3).map((g) => [g.id, g.name])).toEqual([
      [0, '未分组'],
      [1, '黑名单'],
      [2, '星标组'],
    ]);
    expect(list.reduce((n, g) => n + g.count, 0)).toBe(sb.control.state().followerCount());
    expect(list).toEqual(sb.control.state().legacyGroups());
  });

  it('creates groups with increasing ids from 100 (≤ 30 characters, 45017 over)', async () => {
    const r = await p('create', { group: { name: '华东媒' } });
    const id = (r.group as { id: number }).id;
    expect(r).toEqual({ group: { id, name: '华东媒' } });
    expect(id).toBeGreaterThanOrEqual(100);
    expect(((await p('create', { group: { name: '组'.repeat(30) } })).group as { id: number }).id).toBe(
      id + 1,
    );
    expect((await p('create', { group: { name: '组'.repeat(31) } })).errcode).toBe(45017);
    expect((await p('create', { group: { name: '' } })).errcode).toBe(40117);
    expect((await p('create', { group: { name: '华东媒' } })).errcode).toBe(40117);
  });

  it('limits custom groups to maxLegacyGroups (500 by default, 45018)', async () => {
    expect(sb.control.settings().maxLegacyGroups).toBe(500);
    const custom = (await groups()).length - 3;
    sb.control.configure({ maxLegacyGroups: custom + 1 });
    expect((await p('create', { group: { name: '最后一个' } })).errcode).toBeUndefined();
    expect((await p('create', { group: { name: '多一个' } })).errcode).toBe(45018);
  });

  it('moves a follower: always exactly one group', async () => {
    const a = ((await p('create', { group: { name: 'A' } })).group as { id: number }).id;
    const b = ((await p('create', { group: { name: 'B' } })).group as { id: number }).id;
    const who = openids[0];
    expect(await p('members/update', { openid: who, to_groupid: a })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await p('getid', { openid: who })).toEqual({ groupid: a });
    await p('members/update', { openid: who, to_groupid: b });
    expect(await p('getid', { openid: who })).toEqual({ groupid: b });
    const list = await groups();
    expect(list.find((g) => g.id === a)?.count).toBe(0);
    expect(list.find((g) => g.id === b)?.count).toBe(1);
    expect(list.reduce((n, g) => n + g.count, 0)).toBe(sb.control.state().followerCount());
  });

  it('batch-moves up to 50 (40032 over); unknown targets 40050', async () => {
    const a = ((await p('create', { group: { name: 'C' } })).group as { id: number }).id;
    expect(
      (await p('members/batchupdate', { openid_list: openids.slice(0, 50), to_groupid: a })).errcode,
    ).toBe(0);
    expect((await groups()).find((g) => g.id === a)?.count).toBe(50);
    expect(
      (await p('members/batchupdate', { openid_list: openids.slice(0, 51), to_groupid: a })).errcode,
    ).toBe(40032);
    expect(
      (await p('members/batchupdate', { openid_list: openids.slice(0, 2), to_groupid: 9999 })).errcode,
    ).toBe(40050);
    expect((await p('members/update', { openid: openids[0], to_groupid: 9999 })).errcode).toBe(40050);
    expect((await p('members/update', { openid: 'bad', to_groupid: a })).errcode).toBe(40003);
    expect((await p('getid', { openid: 'bad' })).errcode).toBe(40003);
  });

  it('renames; reserved groups 45016, unknown 40050; delete sends members back to 0', async () => {
    const a = ((await p('create', { group: { name: 'D' } })).group as { id: number }).id;
    expect((await p('update', { group: { id: a, name: 'E' } })).errcode).toBe(0);
    expect((await groups()).find((g) => g.id === a)?.name).toBe('E');
    for (const id of [0, 1, 2]) {
      expect((await p('update', { group: { id, name: 'x' } })).errcode).toBe(45016);
      expect((await p('delete', { group: { id } })).errcode).toBe(45016);
    }
    expect((await p('update', { group: { id: 9999, name: 'x' } })).errcode).toBe(40050);
    await p('members/batchupdate', { openid_list: openids.slice(0, 3), to_groupid: a });
    expect((await p('delete', { group: { id: a } })).errcode).toBe(0);
    expect(await p('getid', { openid: openids[0] })).toEqual({ groupid: RESERVED_GROUP.ungrouped });
    expect((await groups()).some((g) => g.id === a)).toBe(false);
    expect((await p('delete', { group: { id: a } })).errcode).toBe(40050);
  });
});
