// User tags: tags/create|get|update|delete, user/tag/get, tags/members/batchtagging|
// batchuntagging, tags/getidlist (doc §2).

import { type JsonObject, optionalInt, optionalObject, optionalString } from './body';
import { type AppContext, OK } from './context';
import { WxError } from './errors';
import { isIllegalName, nameTooLong } from './names';
import { requireSubscribed, resolveOpenidList } from './openidLists';
import type { BusinessRoute } from './route';
import { MAX_TAGS_PER_USER, STAR_TAG_ID } from './tagStore';
import { cursorStart } from './users';

const TAG_BATCH_MAX = 50;

function tagObject(body: JsonObject): JsonObject {
  const tag = optionalObject(body, 'tag');
  if (!tag) throw new WxError(47001);
  return tag;
}

function checkName(a: AppContext, name: string | undefined, selfId?: number): string {
  if (name === undefined || isIllegalName(name)) throw new WxError(45157);
  if (nameTooLong(name, a.settings.tagNameRule)) throw new WxError(45158);
  const same = a.app.tags.findByName(name);
  if (same && same.id !== selfId) throw new WxError(45157);
  return name;
}

/** Ids 0, 1 and 2 are the old system groups (未分组 / 黑名单 / 星标组). */
function isSystemTag(id: number): boolean {
  return id >= 0 && id <= STAR_TAG_ID;
}

const create: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const tag = tagObject(a.body());
    const name = checkName(a, optionalString(tag, 'name'));
    if (a.app.tags.customCount >= a.settings.maxTags) throw new WxError(45056);
    const created = a.app.tags.create(name);
    // For a short while after creation WeChat may not know the new id yet (doc §10).
    if (a.settings.newTagStaleCalls > 0) a.app.tags.stale.set(created.id, a.settings.newTagStaleCalls);
    return { tag: { id: created.id, name: created.name } };
  },
};

const get: BusinessRoute = {
  auth: 'token',
  method: 'GET',
  access: 'userManagement',
  handle(a) {
    return { tags: [...a.app.tags.tags.values()].map((t) => ({ id: t.id, name: t.name, count: t.count })) };
  },
};

const update: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const tag = tagObject(a.body());
    const id = optionalInt(tag, 'id');
    if (id === undefined) throw new WxError(45159);
    if (isSystemTag(id)) throw new WxError(45058);
    const existing = a.app.tags.get(id);
    if (!existing) throw new WxError(45159);
    existing.name = checkName(a, optionalString(tag, 'name'), id);
    return OK;
  },
};

const remove: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const id = optionalInt(tagObject(a.body()), 'id');
    if (id === undefined) throw new WxError(45159);
    if (isSystemTag(id)) throw new WxError(45058);
    const existing = a.app.tags.get(id);
    if (!existing) throw new WxError(45159);
    if (existing.count > a.settings.tagDeleteMaxFans) throw new WxError(45057);
    a.app.tags.delete(id);
    return OK;
  },
};

/** Tag ids a client may use for membership: custom tags and 星标组. */
function memberTag(a: AppContext, body: JsonObject) {
  const id = optionalInt(body, 'tagid');
  const tag = id === undefined ? undefined : a.app.tags.get(id);
  if (!tag) throw new WxError(45159);
  return tag;
}

const members: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const body = a.body();
    const tag = memberTag(a, body);
    const from = cursorStart(a.app, optionalString(body, 'next_openid'));
    const page: string[] = [];
    const limit = a.settings.tagMemberPageSize;
    const store = a.app.followers;
    a.app.tags.forEachMember(tag, from, (i) => {
      page.push(store.openid(i));
      return page.length < limit;
    });
    // End of list: like user/get, an empty page has no `data` and an empty cursor.
    if (page.length === 0) return { count: 0, next_openid: '' };
    return { count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
  },
};

function batch(mode: 'tag' | 'untag'): BusinessRoute {
  return {
    auth: 'token',
    method: 'POST',
    access: 'userManagement',
    handle(a) {
      const body = a.body();
      const { openids, indexes } = resolveOpenidList(a.app, body, TAG_BATCH_MAX);
      const tag = memberTag(a, body);
      transient45159(a, tag.id);
      requireSubscribed(a.app, indexes);
      const tags = a.app.tags;
      if (mode === 'tag') {
        for (const i of indexes) {
          if (!tags.has(tag, i) && a.app.followers.tagCount[i] >= MAX_TAGS_PER_USER) throw new WxError(45059);
        }
      }
      const failed = a.ctx.emu.faults.empty ? null : a.ctx.emu.faults.partialFailures(a.ctx.target, openids);
      for (let k = 0; k < indexes.length; k++) {
        if (failed?.has(openids[k])) continue;
        if (mode === 'tag') tags.add(tag, indexes[k]);
        else tags.remove(tag, indexes[k]);
      }
      if (failed && failed.size > 0) {
        throw new WxError(45171, undefined, { fail_openid_list: [...failed] });
      }
      return OK;
    },
  };
}

/** 45159 that goes away by itself: a tag just created, or a concurrent change on one user. */
function transient45159(a: AppContext, tagId: number): void {
  const stale = a.app.tags.stale.get(tagId);
  if (stale !== undefined) {
    if (stale <= 1) a.app.tags.stale.delete(tagId);
    else a.app.tags.stale.set(tagId, stale - 1);
    throw new WxError(45159);
  }
  if (!a.ctx.emu.faults.empty && a.ctx.emu.faults.tagRace(a.ctx.target)) throw new WxError(45159);
}

const idList: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const i = a.app.index(a.body().openid);
    return { tagid_list: a.app.tags.tagIdsOf(i) };
  },
};

export const tagRoutes: Record<string, BusinessRoute> = {
  '/cgi-bin/tags/create': create,
  '/cgi-bin/tags/get': get,
  '/cgi-bin/tags/update': update,
  '/cgi-bin/tags/delete': remove,
  '/cgi-bin/user/tag/get': members,
  '/cgi-bin/tags/members/batchtagging': batch('tag'),
  '/cgi-bin/tags/members/batchuntagging': batch('untag'),
  '/cgi-bin/tags/getidlist': idList,
};
