import type { AccountService } from '../accounts/accountService';
import { recheckIp } from '../jobs/ipRecheck';
import type { JobService } from '../jobs/jobService';
import type { AccountSessions } from '../session/accountSessions';
import type { NetProbe } from '../session/netProbe';
import type { NetStatus } from '../session/netStatus';
import { readQuotaOverview } from '../wechat/quotaOverview';
import type { HandlerSlice } from './handlerSlice';

export interface WeChatHandlerDeps {
  accounts: AccountService;
  sessions: AccountSessions;
  jobs: JobService;
  net: NetStatus;
  probe: NetProbe;
  now: () => number;
}

/** Whether WeChat answers this account, and what it allows it (quotas, the IP whitelist). */
export function wechatHandlers(deps: WeChatHandlerDeps): HandlerSlice<'net' | 'wechat'> {
  const { accounts, sessions, jobs, net, probe, now } = deps;
  return {
    'net:get': async ({ accountId }) => {
      const known = net.get(accountId);
      // Nothing has gone to WeChat yet (just started): find out now rather than claim "connected".
      if (!known) probe.checkNow(accountId);
      return { accountId, online: true, since: null, ...known };
    },
    'net:check': async ({ accountId }) => {
      accounts.get(accountId);
      await probe.checkAndWait(accountId);
      return { accountId, online: true, since: null, ...net.get(accountId) };
    },
    'wechat:quota': async ({ accountId }) => {
      const s = await sessions.open(accountId);
      return { accountId, ...(await readQuotaOverview(s.client, s.backend.api, now())) };
    },
    'wechat:recheck': ({ accountId }) => recheckIp(sessions, jobs, accountId),
  };
}
