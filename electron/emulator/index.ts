// WeChat Official Account API emulator (demo mode, tests, benchmarks). No side effects on import:
// the Electron main bundle imports this module; the CLI lives in cli.ts.

import { createControl } from './control';
import { DEFAULT_START_TIME } from './clock';
import { EmulatorEngine } from './engine';
import { listen } from './server';
import type { Emulator, EmulatorOptions } from './types';

export type * from './types';
export { DEFAULT_START_TIME } from './clock';
export { CALL_HTTP_413, CALL_HTTP_502, CALL_RESET, ERRMSG } from './errors';
export { CONTROL_PREFIX } from './controlHttp';
export { MAX_FOLLOWERS } from './appState';

/** The account an emulator serves when no apps are given (also the demo account). */
export const DEFAULT_APPID = 'wx5f3c9a1e7b2d4068';
export const DEFAULT_SECRET = '8c1f4a7e2b9d3f60a5e7c2b4d6f8a1e3';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = new EmulatorEngine({
    seed: options.seed ?? 1,
    startTime: options.startTime ?? DEFAULT_START_TIME,
    apps: options.apps ?? [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, kind: 'service', followers: 1000 },
    ],
    callLogLimit: options.callLogLimit,
  });
  const control = createControl(emu);
  const controlHttp = options.controlHttp ?? 'open';
  if (typeof controlHttp === 'object' && controlHttp.token.length < 16)
    throw new Error('controlHttp.token must be at least 16 characters');
  const http = await listen(emu, control, options.port ?? 0, {
    controlHttp,
    allowedHosts: options.allowedHosts ? options.allowedHosts.map((h) => h.toLowerCase()) : null,
  });
  return {
    url: `http://127.0.0.1:${http.port}`,
    port: http.port,
    control,
    close: () => http.close(),
  };
}
