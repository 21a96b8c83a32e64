import type { DemoWeChatPort } from '../ports';
import type { AccountRecord } from './accountRecord';

export const DEMO_ACCOUNT_ID = 'demo';

/**
 * The built-in demo account, on the WeChat its host plugs in (an emulator with seeded data), so
 * the app is useful before anyone enters credentials. Started on first use, reset on request.
 */
export class DemoEnvironment {
  constructor(private readonly wechat: DemoWeChatPort) {}

  get appId(): string {
    return this.wechat.appId;
  }

  get secret(): string {
    return this.wechat.secret;
  }

  /** The demo WeChat's base URL, starting it if needed. */
  url(): Promise<string> {
    return this.wechat.url();
  }

  reset(): Promise<void> {
    return this.wechat.reset();
  }

  close(): Promise<void> {
    return this.wechat.close();
  }

  record(now: number): AccountRecord {
    return {
      id: DEMO_ACCOUNT_ID,
      name: '演示公众号',
      appId: this.wechat.appId,
      isDemo: true,
      capabilities: { userManagement: 'yes', remarks: 'yes', checkedAt: now },
      groupApi: 'tags',
      network: { mode: 'direct' },
      createdAt: now,
    };
  }
}
