// Blacklist: tags/members/getblacklist|batchblacklist|batchunblacklist (doc §5).
// Blacklisted followers stay in user/get (the doc leaves this open; we keep them).

import { optionalString } from './body';
import { type AppContext, OK } from './context';
import { requireSubscribed, resolveOpenidList } from './openidLists';
import type { BusinessRoute } from './route';
import { cursorStart, followerPage } from './users';

const BLACKLIST_BATCH_MAX = 20;

const get: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'userManagement',
  handle(a) {
    const f = a.app.followers;
    const from = cursorStart(a.app, optionalString(a.body(), 'begin_openid'));
    const page = followerPage(a.app, from, a.settings.blacklistPageSize, (i) => f.isBlacklisted(i));
    const total = f.blacklistedCount;
    // Same paging convention as user/get: feed next_openid back as begin_openid.
    if (page.length === 0) return { total, count: 0, next_openid: '' };
    return { total, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
  },
};

function batch(on: boolean): BusinessRoute {
  return {
    auth: 'token',
    method: 'POST',
    access: 'userManagement',
    handle(a: AppContext) {
      const { indexes } = resolveOpenidList(a.app, a.body(), BLACKLIST_BATCH_MAX);
      if (on) requireSubscribed(a.app, indexes);
      for (const i of indexes) a.app.followers.setBlacklisted(i, on);
      return OK;
    },
  };
}

export const blacklistRoutes: Record<string, BusinessRoute> = {
  '/cgi-bin/tags/members/getblacklist': get,
  '/cgi-bin/tags/members/batchblacklist': batch(true),
  '/cgi-bin/tags/members/batchunblacklist': batch(false),
};
