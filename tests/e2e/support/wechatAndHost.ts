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

export interface WeChatAndLaterHost {
  wechat: Emulator;
  /** Started by the test itself (on a data folder it prepared); stopped after the describe. */
  host: RunningHost | null;
}

/** An emulated WeChat for the current describe, and room for the host its test starts later. */
export function useWeChatAndLaterHost(): WeChatAndLaterHost {
  const env = { host: null } as WeChatAndLaterHost;
  test.beforeAll(async () => {
    env.wechat = await startWeChat();
  });
  test.afterAll(async () => {
    await env.host?.stop();
    await env.wechat.close();
  });
  return env;
}
