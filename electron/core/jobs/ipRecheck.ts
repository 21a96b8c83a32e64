import type { IpRecheck } from '#contract/wechatChannels';
import type { AccountSessions } from '../session/accountSessions';
import { getQuota } from '../wechat/api/quota';
import { WeChatError } from '../wechat/wechatError';
import type { JobService } from './jobService';

/**
 * 重新检测: one cheap call that, like every call of an Official Account, is refused while the IP is
 * not whitelisted (doc §1.3). When it goes through, the jobs and the sync paused for the IP carry
 * on at once instead of at their next look; when not, the owner learns which IP WeChat sees now.
 */
export async function recheckIp(
  sessions: AccountSessions,
  jobs: JobService,
  accountId: string,
): Promise<IpRecheck> {
  const s = await sessions.open(accountId);
  try {
    await getQuota(s.client, '/cgi-bin/user/get');
  } catch (err) {
    if (!(err instanceof WeChatError) || err.code !== 'IP_NOT_WHITELISTED') throw err;
    const ip = err.params['ip'];
    return { ok: false, ip: typeof ip === 'string' ? ip : null, resumed: 0 };
  }
  return { ok: true, ip: null, resumed: await jobs.resumeIpPaused(accountId) };
}
