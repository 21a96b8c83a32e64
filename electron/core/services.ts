import type { Handlers } from '#contract/channels';
import { AccountList } from './accounts/accountList';
import { AccountService } from './accounts/accountService';
import { ClientPool } from './accounts/clientPool';
import { DemoEnvironment } from './accounts/demoEnvironment';
import type { CorePorts } from './ports';
import { SettingsService } from './settingsService';
import { createEventHub, type EventHub } from './transport';

export interface Services {
  handlers: Handlers;
  events: EventHub;
  close(): Promise<void>;
}

/**
 * The composition of the core: every contract channel's handler, built from the host's ports.
 * Both hosts (Electron main, browser host) call this and nothing else.
 */
export async function createServices(ports: CorePorts): Promise<Services> {
  const now = ports.now ?? Date.now;
  const events = createEventHub();
  const settings = new SettingsService(ports.settings);
  const demo = new DemoEnvironment();
  const clients = new ClientPool(
    ports.secrets,
    demo,
    {
      ...ports.wechat,
      ...(ports.resolveSystemProxy ? { resolveSystemProxy: ports.resolveSystemProxy } : {}),
    },
    ports.log,
  );
  const accounts = new AccountService(
    new AccountList(ports.settings),
    ports.secrets,
    clients,
    demo,
    ports.dataDir,
    ports.log,
    now,
    () => events.emit('accounts:changed', {}),
  );

  const handlers: Handlers = {
    'app:info': async () => ({
      name: ports.app.name,
      version: ports.app.version,
      dataDir: ports.dataDir,
      platform: process.platform,
      demoAvailable: true,
    }),
    'accounts:list': async () => accounts.accounts(),
    'accounts:test': async (input) => ({ capabilities: await accounts.test(input) }),
    'accounts:add': (input) => accounts.add(input),
    'accounts:rename': async ({ id, name }) => accounts.rename(id, name),
    'accounts:configure': ({ id, ...patch }) => accounts.configure(id, patch),
    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      return { id };
    },
    'accounts:setDefault': async ({ id }) => {
      accounts.setDefault(id);
      return { id };
    },
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
    'demo:open': () => accounts.openDemo(),
    'demo:reset': () => accounts.resetDemo(),
  };

  return {
    handlers,
    events,
    close: async () => {
      await clients.closeAll();
      await demo.close();
    },
  };
}
