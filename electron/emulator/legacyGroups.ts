// The legacy group API (分组, replaced by tags in 2016), doc §3. Every follower is in exactly one
// group; deleting a group moves its members back to 0 (未分组).

import { type JsonObject, optionalInt, optionalObject, optionalString, requiredArray } from './body';
import { type AppContext, OK } from './context';
import { WxError } from './errors';
import { isIllegalName, nameTooLong } from './names';
import { requireSubscribed } from './openidLists';
import type { BusinessRoute } from './route';
import { RESERVED_GROUP } from '#contract/reservedGroups';

const GROUP_BATCH_MAX = 50;

function groupObject(body: JsonObject): JsonObject {
  const group = optionalObject(body, 'group');
  if (!group) throw new WxError(47001);
  return group;
}

function checkName(a: AppContext, name: string | undefined, selfId?: number): string {
  if (name === undefined || isIllegalName(name)) throw new WxError(40117);
  // Groups were always counted in characters (the 2014 docs: "30个字符以内").
  if (nameTooLong(name, 'chars')) throw new WxError(45017);
  const same = a.app.groups.findByName(name);
  if (same && same.id !== selfId) throw new WxError(40117);
  return name;
}

function customGroupId(a: AppContext, group: JsonObject): number {
  const id = optionalInt(group, 'id');
  if (id === undefined) throw new WxError(40050);
  if (a.app.groups.isReserved(id)) throw new WxError(45016);
  if (!a.app.groups.groups.has(id)) throw new WxError(40050);
  return id;
}

function targetGroup(a: AppContext, body: JsonObject): number {
  const id = optionalInt(body, 'to_groupid');
  if (id === undefined || !a.app.groups.groups.has(id)) throw new WxError(40050);
  return id;
}

const route = (method: 'GET' | 'POST', handle: (a: AppContext) => object): BusinessRoute => ({
  auth: 'token',
  method,
  access: 'userManagement',
  handle,
});

export const legacyGroupRoutes: Record<string, BusinessRoute> = {
  '/cgi-bin/groups/create': route('POST', (a) => {
    const name = checkName(a, optionalString(groupObject(a.body()), 'name'));
    if (a.app.groups.customCount >= a.settings.maxLegacyGroups) throw new WxError(45018);
    const g = a.app.groups.create(name);
    return { group: { id: g.id, name: g.name } };
  }),
  '/cgi-bin/groups/get': route('GET', (a) => {
    const counts = new Map<number, number>();
    const f = a.app.followers;
    for (let i = 0; i < f.size; i++) {
      if (!f.isSubscribed(i)) continue;
      const g = f.groupId[i];
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return {
      groups: [...a.app.groups.groups.values()].map((g) => ({
        id: g.id,
        name: g.name,
        count: counts.get(g.id) ?? 0,
      })),
    };
  }),
  '/cgi-bin/groups/getid': route('POST', (a) => ({
    groupid: a.app.followers.groupId[a.app.index(a.body().openid)],
  })),
  '/cgi-bin/groups/update': route('POST', (a) => {
    const group = groupObject(a.body());
    const id = customGroupId(a, group);
    const g = a.app.groups.groups.get(id);
    if (g) g.name = checkName(a, optionalString(group, 'name'), id);
    return OK;
  }),
  '/cgi-bin/groups/members/update': route('POST', (a) => {
    const body = a.body();
    const i = a.app.index(body.openid);
    const to = targetGroup(a, body);
    requireSubscribed(a.app, [i]);
    a.app.followers.groupId[i] = to;
    return OK;
  }),
  '/cgi-bin/groups/members/batchupdate': route('POST', (a) => {
    const body = a.body();
    const list = requiredArray(body, 'openid_list', 40032);
    if (list.length === 0 || list.length > GROUP_BATCH_MAX) throw new WxError(40032);
    const indexes = list.map((o) => a.app.index(o));
    const to = targetGroup(a, body);
    requireSubscribed(a.app, indexes);
    for (const i of indexes) a.app.followers.groupId[i] = to;
    return OK;
  }),
  '/cgi-bin/groups/delete': route('POST', (a) => {
    const id = customGroupId(a, groupObject(a.body()));
    a.app.groups.groups.delete(id);
    const ids = a.app.followers.groupId;
    for (let i = 0; i < a.app.followers.size; i++) if (ids[i] === id) ids[i] = RESERVED_GROUP.ungrouped;
    return OK;
  }),
};
