import type { DemoWeChatPort } from '../core/ports';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../emulator';

const DEMO_FOLLOWERS = 2_000;

/**
 * The demo account's WeChat, as both hosts plug it into the core: an in-process emulator on a
 * free loopback port with seeded data, started on first use.
 */
export function demoEmulator(): DemoWeChatPort {
  let emulator: Promise<Emulator> | null = null;
  return {
    appId: DEFAULT_APPID,
    secret: DEFAULT_SECRET,
    url: async () => {
      emulator ??= startEmulator({
        port: 0,
        // Inside the app nobody drives the emulator over HTTP: no control surface on the port, and
        // only requests addressed to 127.0.0.1 itself (the app's client) are served.
        controlHttp: 'off',
        allowedHosts: ['127.0.0.1'],
        seed: 20260105,
        apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, kind: 'service', followers: DEMO_FOLLOWERS }],
      });
      return (await emulator).url;
    },
    reset: async () => {
      if (emulator) (await emulator).control.reset();
    },
    close: async () => {
      const running = emulator;
      emulator = null;
      if (running) await (await running).close();
    },
  };
}
