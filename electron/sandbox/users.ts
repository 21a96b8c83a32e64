// Followers: user/get, user/info, user/info/batchget, user/info/updateremark (doc §4).

import type { AppState } from './appState';
import { charLength, isObject, optionalString, requiredArray, utf8Length } from './body';
import { type AppContext, OK } from './context';
import { WxError } from './errors';
import type { BusinessRoute } from './route';

const BATCHGET_MAX = 100;
const REMARK_LIMIT = 30;

/** user/info for one follower, key order as WeChat sends it. */
export function userInfo(app: AppState, i: number): Record<string, unknown> {
  const f = app.followers;
  const openid = f.openid(i);
  const unionid = f.unionid(i);
  if (!f.isSubscribed(i)) {
    // Unfollowed users: only these keys (doc §4.2).
    return unionid === undefined
      ? { subscribe: 0, openid, tagid_list: [] }
      : { subscribe: 0, openid, unionid, tagid_list: [] };
  }
  const { qrScene, qrSceneStr } = f.qrScene(i);
  const info: Record<string, unknown> = {
    subscribe: 1,
    openid,
    // Since 2021-12-27 nickname and avatar come back empty; sex and places since 2021-10.
    nickname: '',
    sex: 0,
    // `lang` only localises country/province/city, which are empty now: the user's language stays.
    language: f.language(i),
    city: '',
    province: '',
    country: '',
    headimgurl: '',
    subscribe_time: f.subscribeTime[i],
  };
  if (unionid !== undefined) info.unionid = unionid;
  info.remark = f.remark(i);
  info.groupid = f.groupId[i];
  info.tagid_list = app.tags.tagIdsOf(i);
  info.subscribe_scene = f.sceneName(i);
  info.qr_scene = qrScene;
  info.qr_scene_str = qrSceneStr;
  return info;
}

/** Subscribed followers from index `from` on, one page, WeChat's end-of-list quirk included. */
export function followerPage(app: AppState, from: number, size: number, include: (i: number) => boolean) {
  const f = app.followers;
  const page: string[] = [];
  for (let i = from; i < f.size && page.length < size; i++) if (include(i)) page.push(f.openid(i));
  return page;
}

/** Cursor → first index after it; '' → 0; anything not an openid of this account → 40003. */
export function cursorStart(app: AppState, cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const i = app.indexOrError(cursor);
  if (i instanceof WxError) throw new WxError(40003);
  return i + 1;
}

const list: BusinessRoute = {
  auth: 'token',
  method: 'GET',
  access: 'userManagement',
  handle(a) {
    const f = a.app.followers;
    const from = cursorStart(a.app, a.ctx.req.query.get('next_openid'));
    const page = followerPage(a.app, from, a.settings.userGetPageSize, (i) => f.isSubscribed(i));
    const total = f.subscribedCount;
    // The last data page still names its own last openid; only the call after it comes back
    // with count 0, an empty cursor and no `data` (doc §4.1).
    if (page.length === 0) return { total, count: 0, next_openid: '' };
    return { total, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
  },
};

const info: BusinessRoute = {
  auth: 'token',
  method: 'GET',
  access: 'userManagement',
  handle(a) {
    return userInfo(a.app, a.app.index(a.ctx.req.query.get('openid') ?? undefined));
  },
};

const batchget: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const items = requiredArray(a.body(), 'user_list', 40032);
    if (items.length === 0 || items.length > BATCHGET_MAX) throw new WxError(40032);
    const indexes: number[] = [];
    for (const item of items) {
      if (!isObject(item)) throw new WxError(47001);
      optionalString(item, 'lang');
      indexes.push(a.app.index(item.openid));
    }
    return { user_info_list: indexes.map((i) => userInfo(a.app, i)) };
  },
};

function remarkTooLong(a: AppContext, remark: string): boolean {
  return (a.settings.remarkRule === 'bytes' ? utf8Length(remark) : charLength(remark)) >= REMARK_LIMIT;
}

const updateRemark: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'remark',
  handle(a) {
    const body = a.body();
    const i = a.app.index(body.openid);
    const remark = optionalString(body, 'remark');
    if (remark === undefined) throw new WxError(47001);
    if (remarkTooLong(a, remark)) throw new WxError(40092);
    if (!a.app.followers.isSubscribed(i)) throw new WxError(43004);
    a.app.followers.setRemark(i, remark);
    return OK;
  },
};

export const userRoutes: Record<string, BusinessRoute> = {
  '/cgi-bin/user/get': list,
  '/cgi-bin/user/info': info,
  '/cgi-bin/user/info/batchget': batchget,
  '/cgi-bin/user/info/updateremark': updateRemark,
};
