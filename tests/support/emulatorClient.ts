import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator } from '../../electron/emulator';
import type { Logger } from '../../electron/core/ports';
import { WeChatClient, type WeChatClientOptions } from '../../electron/core/wechat/client';

/** WeChat's real host names on the emulator's port; every one of them connects to 127.0.0.1. */
export function emulatorHosts(emulator: Emulator): string[] {
  return ['api', 'api2', 'sh.api', 'sz.api', 'hk.api'].map(
    (h) => `http://${h}.weixin.qq.com:${emulator.port}`,
  );
}

/** A log that keeps every line, so tests can prove no secret or token was written. */
export function capturingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

export function emulatorClient(emulator: Emulator, options: Partial<WeChatClientOptions> = {}): WeChatClient {
  return new WeChatClient({
    appId: DEFAULT_APPID,
    secret: async () => DEFAULT_SECRET,
    hosts: emulatorHosts(emulator),
    resolveTo: '127.0.0.1',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}
