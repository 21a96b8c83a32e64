import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../emulator';
import type { AccountRecord } from './accountRecord';

export const DEMO_ACCOUNT_ID = 'demo';
const DEMO_FOLLOWERS = 2_000;

/**
 * The built-in demo: an in-process WeChat emulator on a free loopback port with seeded data, so
 * the app is useful before anyone enters credentials. Started on first use, reset on request.
 */
export class DemoEnvironment {
  private emulator: Promise<Emulator> | null = null;

  readonly appId = DEFAULT_APPID;
  readonly secret = DEFAULT_SECRET;

  /** The emulator's base URL, starting it if needed. */
  async url(): Promise<string> {
    this.emulator ??= startEmulator({
      port: 0,
      // Inside the app nobody drives the emulator over HTTP: no control surface on the port, and
      // only requests addressed to 127.0.0.1 itself (the app's client) are served.
      controlHttp: 'off',
      allowedHosts: ['127.0.0.1'],
      seed: 20260105,
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, kind: 'service', followers: DEMO_FOLLOWERS }],
    });
    return (await this.emulator).url;
  }

  /** Puts the demo data back as it was first seeded. */
  async reset(): Promise<void> {
    if (!this.emulator) return;
    (await this.emulator).control.reset();
  }

  async close(): Promise<void> {
    const s = this.emulator;
    this.emulator = null;
    if (s) await (await s).close();
  }

  record(now: number): AccountRecord {
    return {
      id: DEMO_ACCOUNT_ID,
      name: '演示公众号',
      appId: DEFAULT_APPID,
      isDemo: true,
      capabilities: { userManagement: 'yes', remarks: 'yes', checkedAt: now },
      groupApi: 'tags',
      network: { mode: 'direct' },
      createdAt: now,
    };
  }
}
