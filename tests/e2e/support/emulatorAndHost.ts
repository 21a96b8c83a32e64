import { test } from '@playwright/test';
import type { Emulator } from '../../../electron/emulator';
import { startTestEmulator } from './emulator';
import { startHost, type RunningHost } from './webhost';

export interface EmulatorAndHost {
  /** The emulated WeChat (a test may stop it and start another in its place). */
  emulator: Emulator;
  host: RunningHost;
}

/** An emulated WeChat and a browser host for a spec file: started before its tests, stopped after. */
export function useEmulatorAndHost(options: Parameters<typeof startTestEmulator>[0] = {}): EmulatorAndHost {
  const env = {} as EmulatorAndHost;
  test.beforeAll(async () => {
    env.emulator = await startTestEmulator(options);
    env.host = await startHost();
  });
  test.afterAll(async () => {
    await env.host.stop();
    await env.emulator.close();
  });
  return env;
}

export interface EmulatorAndLaterHost {
  emulator: Emulator;
  /** Started by the test itself (on a data folder it prepared); stopped after the describe. */
  host: RunningHost | null;
}

/** An emulated WeChat for the current describe, and room for the host its test starts later. */
export function useEmulatorAndLaterHost(): EmulatorAndLaterHost {
  const env = { host: null } as EmulatorAndLaterHost;
  test.beforeAll(async () => {
    env.emulator = await startTestEmulator();
  });
  test.afterAll(async () => {
    await env.host?.stop();
    await env.emulator.close();
  });
  return env;
}
