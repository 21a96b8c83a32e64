import type { QuotaApi, QuotaItem } from '#contract/wechatChannels';
import type { GroupApi } from '#contract/accounts';
import { nextBeijingMidnight } from './beijingDay';
import { getQuota } from './api/quota';
import type { WeChatClient } from './client';
import { WeChatError } from './wechatError';

/** The cgi paths behind each call the app makes; groups move followers with one call instead of two. */
function pathsFor(api: GroupApi): [QuotaApi, string][] {
  const moves: [QuotaApi, string][] =
    api === 'tags'
      ? [
          ['tagging', '/cgi-bin/tags/members/batchtagging'],
          ['untagging', '/cgi-bin/tags/members/batchuntagging'],
        ]
      : [['groupMove', '/cgi-bin/groups/members/batchupdate']];
  return [
    ['userGet', '/cgi-bin/user/get'],
    ['batchget', '/cgi-bin/user/info/batchget'],
    ...moves,
    ['blacklist', '/cgi-bin/tags/members/batchblacklist'],
    ['unblacklist', '/cgi-bin/tags/members/batchunblacklist'],
    ['remark', '/cgi-bin/user/info/updateremark'],
  ];
}

/**
 * Used / limit / remaining today for each call the app makes, as WeChat counts them (limits differ
 * per account and rise with the follower count, so they are read, never assumed). A path WeChat
 * does not report (76021) comes back without numbers instead of failing the whole view.
 */
export async function readQuotaOverview(
  client: WeChatClient,
  api: GroupApi,
  now: number,
): Promise<{ items: QuotaItem[]; resetsAt: number; readAt: number }> {
  const items: QuotaItem[] = [];
  for (const [name, path] of pathsFor(api)) {
    try {
      const q = await getQuota(client, path);
      items.push({ api: name, path, limit: q.daily_limit, used: q.used, remain: q.remain });
    } catch (err) {
      if (!(err instanceof WeChatError) || err.errcode !== 76021) throw err;
      items.push({ api: name, path, limit: null, used: null, remain: null });
    }
  }
  return { items, resetsAt: nextBeijingMidnight(now), readAt: now };
}
