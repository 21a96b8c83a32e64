import type { WeChatClient } from '../client';
import { readIdPage, type IdPage } from './tags';

/** user/info as WeChat answers it today: no nickname or avatar since 2021-12-27. */
export interface WxUser {
  subscribe: 0 | 1;
  openid: string;
  language?: string;
  subscribe_time?: number;
  unionid?: string;
  remark?: string;
  groupid?: number;
  tagid_list?: number[];
  subscribe_scene?: string;
  qr_scene?: number;
  qr_scene_str?: string;
}

/** One page (≤ 10 000) of the follower id list; quota 500 calls a day. */
export async function getFollowerIds(c: WeChatClient, nextOpenid = ''): Promise<IdPage> {
  const r = await c.call<Parameters<typeof readIdPage>[0]>({
    method: 'GET',
    path: '/cgi-bin/user/get',
    query: nextOpenid ? { next_openid: nextOpenid } : {},
    idempotent: true,
  });
  return readIdPage(r);
}

export async function getUser(c: WeChatClient, openid: string): Promise<WxUser> {
  return c.call<WxUser>({
    method: 'GET',
    path: '/cgi-bin/user/info',
    query: { openid, lang: 'zh_CN' },
    idempotent: true,
  });
}

export const USER_BATCH_LIMIT = 100;

/** At most 100 openids; followers who left come back with subscribe 0. */
export async function getUsers(c: WeChatClient, openids: readonly string[]): Promise<WxUser[]> {
  const r = await c.call<{ user_info_list?: WxUser[] }>({
    method: 'POST',
    path: '/cgi-bin/user/info/batchget',
    body: { user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })) },
    idempotent: true,
  });
  return r.user_info_list ?? [];
}

/** Verified service accounts only (others: 48001); the remark must stay under 30 bytes. */
export async function updateRemark(c: WeChatClient, openid: string, remark: string): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/user/info/updateremark',
    body: { openid, remark },
    idempotent: true,
  });
}
