import type { AccountService } from '../accounts/accountService';
import type { NetProbe } from '../session/netProbe';
import type { NetStatus } from '../session/netStatus';
import type { AccountClosing } from './accountClosing';
import type { HandlerSlice } from './handlerSlice';

export interface AccountHandlerDeps {
  accounts: AccountService;
  closing: AccountClosing;
  net: NetStatus;
  probe: NetProbe;
}

/** The account list, each account's settings and secret, and the demo account. */
export function accountHandlers(deps: AccountHandlerDeps): HandlerSlice<'accounts' | 'demo'> {
  const { accounts, closing, net, probe } = deps;
  return {
    'accounts:list': async () => accounts.accounts(),
    'accounts:test': async (input) => ({ capabilities: await accounts.test(input) }),
    'accounts:add': (input) => accounts.add(input),
    'accounts:rename': async ({ id, name }) => accounts.rename(id, name),
    'accounts:configure': async ({ id, ...patch }) => {
      const configured = await closing.whileClosed(id, () => accounts.configure(id, patch));
      // A new way to reach WeChat (proxy, API address): find out at once whether it answers.
      probe.stop(id);
      probe.checkNow(id);
      return configured;
    },
    'accounts:changeSecret': async ({ id, appSecret }) => {
      // Tested before anything stops: a refused secret leaves the account exactly as it was.
      const verified = await accounts.verifySecret(id, appSecret);
      return closing.whileClosed(id, async () => accounts.saveSecret(verified));
    },
    'accounts:remove': async ({ id }) => {
      probe.stop(id);
      net.forget(id);
      await closing.close(id);
      await accounts.remove(id);
      return { id };
    },
    'accounts:setDefault': async ({ id }) => {
      accounts.setDefault(id);
      return { id };
    },
    'demo:open': () => accounts.openDemo(),
    'demo:reset': async () => {
      await closing.close('demo');
      return accounts.resetDemo();
    },
  };
}
