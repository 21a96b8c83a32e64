// PLACEHOLDER (shell issue): lead replaces
// A minimal Services so the shell and the browser host can be built and tested before the real
// core exists: app:info and settings are real, every other channel answers NOT_FOUND.
import type { Handlers } from '#contract/channels';
import { defaultSettings, settingsSchema, type Settings } from '#contract/settings';
import { AppError } from './appError';
import type { CorePorts } from './ports';
import { createEventHub, type EventHub } from './transport';

export interface Services {
  handlers: Handlers;
  events: EventHub;
  close(): Promise<void>;
}

const settingsKey = 'settings';

export async function createServices(ports: CorePorts): Promise<Services> {
  const events = createEventHub();
  const readSettings = (): Settings => {
    const stored = settingsSchema.partial().safeParse(ports.settings.get(settingsKey));
    return { ...defaultSettings, ...(stored.success ? stored.data : {}) };
  };
  const notYet = async (): Promise<never> => {
    throw new AppError('NOT_FOUND', { what: 'channel' });
  };
  const handlers: Handlers = {
    'app:info': async () => ({
      name: ports.app.name,
      version: ports.app.version,
      dataDir: ports.dataDir,
      platform: process.platform,
      demoAvailable: false,
    }),
    'accounts:list': async () => ({ accounts: [], defaultId: null }),
    'accounts:test': notYet,
    'accounts:add': notYet,
    'accounts:rename': notYet,
    'accounts:configure': notYet,
    'accounts:remove': notYet,
    'accounts:setDefault': notYet,
    'settings:get': async () => readSettings(),
    'settings:set': async (patch) => {
      const next = { ...readSettings(), ...patch };
      ports.settings.set(settingsKey, next);
      return next;
    },
    'demo:open': notYet,
    'demo:reset': notYet,
  };
  return { handlers, events, close: async () => {} };
}
