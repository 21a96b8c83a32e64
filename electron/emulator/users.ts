// Followers: user/get, user/info, user/info/batchget, user/info/updateremark (doc §4).

import type { AppState } from './appState';
import { charLength, isObject, optionalString, requiredArray, utf8Length } from './body';
import { type AppContext, OK, RawJson } from './context';
import { WxError } from './errors';
import { JsonWriter, ascii } from './jsonWriter';
import { OPENID_LENGTH, type OpenidCodec } from './openids';
import type { BusinessRoute } from './route';

const BATCHGET_MAX = 100;
const REMARK_LIMIT = 30;

const J = {
  subscribed: ascii('{"subscribe":1,"openid":"'),
  unsubscribed: ascii('{"subscribe":0,"openid":"'),
  unionid: ascii(',"unionid":"'),
  emptyTags: ascii(',"tagid_list":[]}'),
  nickname: ascii('","nickname":"","sex":0'),
  language: ascii(',"language":"'),
  time: ascii(',"city":"","province":"","country":"","headimgurl":"","subscribe_time":'),
  remark: ascii(',"remark":'),
  groupid: ascii(',"groupid":'),
  tags: ascii(',"tagid_list":['),
  scene: ascii('],"subscribe_scene":"'),
  qrScene: ascii('","qr_scene":'),
  qrSceneStr: ascii(',"qr_scene_str":'),
  listStart: ascii('{"user_info_list":['),
  listEnd: ascii(']}'),
};
const SCENE_BYTES = new Map<string, Uint8Array>();
const LANGUAGE_BYTES = new Map<string, Uint8Array>();
const cachedAscii = (cache: Map<string, Uint8Array>, text: string): Uint8Array => {
  let bytes = cache.get(text);
  if (!bytes) cache.set(text, (bytes = ascii(text)));
  return bytes;
};

function writeId(w: JsonWriter, codec: OpenidCodec, i: number): void {
  const { target, offset } = w.reserve(OPENID_LENGTH);
  codec.encodeInto(target, offset, i);
}

/**
 * user/info of one follower, key order as WeChat sends it, written straight to bytes: batchget
 * (100 users per call) is the emulator's hottest path.
 */
export function writeUserInfo(w: JsonWriter, app: AppState, i: number, language: boolean): void {
  const f = app.followers;
  const union = f.unionCodec;
  if (!f.isSubscribed(i)) {
    // Unfollowed users: only these keys (doc §4.2).
    w.raw(J.unsubscribed);
    writeId(w, f.codec, i);
    w.byte(0x22);
    if (union) {
      w.raw(J.unionid);
      writeId(w, union, i);
      w.byte(0x22);
    }
    w.raw(J.emptyTags);
    return;
  }
  w.raw(J.subscribed);
  writeId(w, f.codec, i);
  // Since 2021-12-27 nickname and avatar come back empty, sex and places since 2021-10; the
  // current page marks `language` "该字段不再提供", so it is left out unless asked for.
  w.raw(J.nickname);
  if (language)
    w.raw(J.language)
      .raw(cachedAscii(LANGUAGE_BYTES, f.language(i)))
      .byte(0x22);
  w.raw(J.time).int(f.subscribeTime[i]);
  if (union) {
    w.raw(J.unionid);
    writeId(w, union, i);
    w.byte(0x22);
  }
  w.raw(J.remark).string(f.remark(i));
  w.raw(J.groupid).int(f.groupId[i]);
  w.raw(J.tags);
  const ids = app.tags.tagIdsOf(i);
  for (let k = 0; k < ids.length; k++) {
    if (k > 0) w.byte(0x2c);
    w.int(ids[k]);
  }
  const { qrScene, qrSceneStr } = f.qrScene(i);
  w.raw(J.scene).raw(cachedAscii(SCENE_BYTES, f.sceneName(i)));
  w.raw(J.qrScene).int(qrScene);
  w.raw(J.qrSceneStr).string(qrSceneStr).byte(0x7d);
}

const writer = new JsonWriter();

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
    const subscribed = (i: number) => f.isSubscribed(i);
    const page =
      a.settings.userGetOrder === 'subscription'
        ? followerPage(a.app, from, a.settings.userGetPageSize, subscribed)
        : f.stablePage(from - 1, a.settings.userGetPageSize, subscribed).map((i) => f.openid(i));
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
    const i = a.app.index(a.ctx.req.query.get('openid') ?? undefined);
    writeUserInfo(writer.reset(), a.app, i, a.settings.userInfoLanguage);
    return new RawJson(writer.toBuffer());
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
    writer.reset().raw(J.listStart);
    for (let k = 0; k < indexes.length; k++) {
      if (k > 0) writer.byte(0x2c);
      writeUserInfo(writer, a.app, indexes[k], a.settings.userInfoLanguage);
    }
    return new RawJson(writer.raw(J.listEnd).toBuffer());
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
