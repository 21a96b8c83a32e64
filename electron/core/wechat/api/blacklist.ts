import type { WeChatClient } from '../client';
import { readIdPage, type IdPage } from './tags';

export const BLACKLIST_BATCH_LIMIT = 20;

export async function getBlacklist(c: WeChatClient, beginOpenid = ''): Promise<IdPage> {
  const r = await c.call<Parameters<typeof readIdPage>[0]>({
    method: 'POST',
    path: '/cgi-bin/tags/members/getblacklist',
    body: { begin_openid: beginOpenid },
    idempotent: true,
  });
  return readIdPage(r);
}

/** At most 20 openids. */
export async function blacklistUsers(c: WeChatClient, openids: readonly string[]): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/tags/members/batchblacklist',
    body: { openid_list: openids },
    idempotent: true,
  });
}

export async function unblacklistUsers(c: WeChatClient, openids: readonly string[]): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/tags/members/batchunblacklist',
    body: { openid_list: openids },
    idempotent: true,
  });
}
