import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InsecureFileSecretStore } from '../../electron/core/accounts/insecureFileSecretStore';
import type { CorePorts, KeyValueStore } from '../../electron/core/ports';
import { createServices, type ServiceOptions, type Services } from '../../electron/core/services';
import { dispatch } from '../../electron/core/transport';
import type { Emulator } from '../../electron/emulator';
import { demoEmulator } from '../../electron/hostShared/demoEmulator';
import type { ChannelName, ChannelOutput, ChannelRequest } from '#contract/channels';
import type { Result } from '#contract/result';
import { capturingLog, emulatorHosts } from './emulatorClient';

/** electron-store, as the hosts use it: outside Electron it needs an absolute cwd. */
export async function electronStoreAt(cwd: string): Promise<KeyValueStore> {
  const { default: Store } = await import('electron-store');
  const store = new Store<Record<string, unknown>>({ cwd, name: 'settings' });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

export interface TestCore {
  services: Services;
  dataDir: string;
  /** Where the test-only secret store keeps its (plain text) files: outside dataDir. */
  secretsDir: string;
  log: ReturnType<typeof capturingLog>;
  /** Calls a channel exactly as a host would: parsed input, wrapped result. */
  call<C extends ChannelName>(channel: C, input: ChannelRequest<C>): Promise<Result<ChannelOutput<C>>>;
  ok<C extends ChannelName>(channel: C, input: ChannelRequest<C>): Promise<ChannelOutput<C>>;
}

/** The real core on a temp data folder, with WeChat's host names pointed at the emulator. */
export async function startTestCore(
  emulator: Emulator,
  extra: Partial<CorePorts> = {},
  /** Reopen the folders of an earlier core, as an app restart would. */
  reopen?: Pick<TestCore, 'dataDir' | 'secretsDir'>,
  /** Tuning that is not a host port (the jobs' timing). */
  serviceOptions: ServiceOptions = {},
): Promise<TestCore> {
  const dataDir = reopen?.dataDir ?? mkdtempSync(join(tmpdir(), 'fg-core-'));
  const secretsDir = reopen?.secretsDir ?? mkdtempSync(join(tmpdir(), 'fg-secrets-'));
  const log = capturingLog();
  const services = await createServices(
    {
      dataDir,
      secrets: new InsecureFileSecretStore(secretsDir),
      settings: await electronStoreAt(dataDir),
      log,
      app: { name: 'Follower Groups', version: '0.0.0-test' },
      demo: demoEmulator(),
      wechat: {
        hosts: emulatorHosts(emulator),
        resolveTo: '127.0.0.1',
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
      },
      ...extra,
    },
    serviceOptions,
  );
  const call = <C extends ChannelName>(channel: C, input: ChannelRequest<C>) =>
    dispatch(services.handlers, channel, input) as Promise<Result<ChannelOutput<C>>>;
  return {
    services,
    dataDir,
    secretsDir,
    log,
    call,
    ok: async (channel, input) => {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
  };
}
