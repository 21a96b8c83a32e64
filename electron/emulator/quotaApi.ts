// openapi/quota/get, clear_quota, clear_quota/v2 (doc §6) and get_api_domain_ip.

import { optionalString } from './body';
import { OK } from './context';
import { WxError } from './errors';
import { dailyLimit, minuteLimit } from './quotas';
import type { BusinessRoute, CredentialRoute } from './route';
import { authenticate } from './tokenApi';

/** Answers of get_api_domain_ip: documentation-style addresses, stable across runs. */
const API_DOMAIN_IPS = [
  '101.89.47.18',
  '101.91.34.103',
  '101.226.212.27',
  '183.3.224.139',
  '183.3.234.152',
  '203.205.239.82',
];

const quotaGet: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'any',
  handle(a) {
    const path = optionalString(a.body(), 'cgi_path');
    if (!path || !a.ctx.emu.isKnownPath(path) || path === '/cgi-bin/clear_quota') throw new WxError(76021);
    const limit = dailyLimit(path, a.app.config.kind, a.settings, a.app.followers.subscribedCount);
    const used = a.app.quotas.used(path);
    const perMinute = minuteLimit(path, a.settings);
    return {
      errcode: 0,
      errmsg: 'ok',
      quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) },
      // The SDKs' struct: calls allowed per refresh_second window (a calendar minute here; paths
      // with no minute limit report their daily one over a day).
      rate_limit: Number.isFinite(perMinute)
        ? { call_count: perMinute, refresh_second: 60 }
        : { call_count: limit, refresh_second: 86_400 },
    };
  },
};

const clearQuota: BusinessRoute = {
  auth: 'token',
  method: 'POST',
  access: 'any',
  handle(a) {
    const appid = optionalString(a.body(), 'appid');
    if (!appid) throw new WxError(41002);
    if (appid !== a.app.appid) throw new WxError(40013);
    if (!a.app.quotas.clear()) throw new WxError(48006);
    return OK;
  },
};

/** v2 authenticates with appid + appsecret (query string or JSON body) instead of a token. */
const clearQuotaV2: CredentialRoute = {
  auth: 'credentials',
  method: 'POST',
  tokenEndpoint: false,
  authenticate(ctx) {
    const q = ctx.req.query;
    const body = ctx.req.raw.length > 0 ? ctx.body() : {};
    const appid = q.get('appid') ?? optionalString(body, 'appid');
    const secret = q.get('appsecret') ?? optionalString(body, 'appsecret');
    return authenticate(ctx, appid, secret);
  },
  handle(a) {
    if (!a.app.quotas.clear()) throw new WxError(48006);
    return OK;
  },
};

const domainIp: BusinessRoute = {
  auth: 'token',
  method: 'GET',
  access: 'any',
  handle() {
    return { ip_list: API_DOMAIN_IPS };
  },
};

export const quotaRoutes: Record<string, BusinessRoute | CredentialRoute> = {
  '/cgi-bin/openapi/quota/get': quotaGet,
  '/cgi-bin/clear_quota': clearQuota,
  '/cgi-bin/clear_quota/v2': clearQuotaV2,
  '/cgi-bin/get_api_domain_ip': domainIp,
};
