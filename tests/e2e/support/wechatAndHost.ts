import { test } from '@playwright/test';
import type { Emulator } from '../../../electron/emulator';
import { startWeChat } from './emulator';
import { startHost, type RunningHost } from './webhost';

export interface WeChatAndHost {
  /** The emulated WeChat (a test may stop it and start another in its place). */
  wechat: Emulator;
  host: RunningHost;
}

/** An emulated WeChat and a browser host for a spec file: started before its tests, stopped after. */
export function useWeChatAndHost(options: Parameters<typeof startWeChat>[0] = {}): WeChatAndHost {
  const env = {} as WeChatAndHost;
  test.beforeAll(async () => {
    env.wechat = await startWeChat(options);
    env.host = await startHost();
  });
  test.afterAll(async () => {
    await env.host.stop();
    await env.wechat.close();
  });
  return env;
}
