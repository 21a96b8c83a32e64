import type { WeChatClient } from '../client';

export interface Quota {
  daily_limit: number;
  used: number;
  remain: number;
}

/** How much of a daily quota is left, e.g. for '/cgi-bin/user/get'. */
export async function getQuota(c: WeChatClient, cgiPath: string): Promise<Quota> {
  const r = await c.call<{ quota: Quota }>({
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    body: { cgi_path: cgiPath },
    idempotent: true,
  });
  return r.quota;
}

/**
 * Resets every daily counter of the account. Only 10 a month, shared with the web console — call
 * it only when the owner has said yes.
 */
export async function clearQuota(c: WeChatClient): Promise<void> {
  await c.call({ method: 'POST', path: '/cgi-bin/clear_quota', body: { appid: c.appId }, idempotent: false });
}
