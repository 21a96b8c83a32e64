// `npm run emulator -- --port 8787 --followers 20000 --seed 7 [--appid wx... --secret ...]
//  [--kind service|subscription|unverified|test] [--latency 20] [--jitter 10]`
// Prints the URL, the credentials it accepts and a line starting with `ready` once listening.

import { parseArgs } from 'node:util';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator } from './index';
import type { AccountKind } from './types';

const KINDS: readonly AccountKind[] = ['service', 'subscription', 'unverified', 'test'];

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      followers: { type: 'string' },
      seed: { type: 'string' },
      appid: { type: 'string' },
      secret: { type: 'string' },
      kind: { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run emulator -- [--port 8787] [--followers 1000] [--seed 1] [--appid wx...] [--secret ...]\n' +
        '                          [--kind service|subscription|unverified|test] [--latency ms] [--jitter ms]',
    );
    return;
  }
  const kind = (values.kind ?? 'service') as AccountKind;
  if (!KINDS.includes(kind)) fail(`--kind must be one of ${KINDS.join(', ')}`);
  const appid = values.appid ?? DEFAULT_APPID;
  const secret = values.secret ?? DEFAULT_SECRET;
  const emulator = await startEmulator({
    port: int(values.port, 'port', 8787),
    seed: int(values.seed, 'seed', 1),
    apps: [{ appid, secret, kind, followers: int(values.followers, 'followers', 1000) }],
  }).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
  const latency = int(values.latency, 'latency', 0);
  const jitter = int(values.jitter, 'jitter', 0);
  if (latency > 0 || jitter > 0)
    emulator.control.addFault({ kind: 'latency', ms: latency, jitterMs: jitter });

  console.log(`WeChat API emulator listening on ${emulator.url}`);
  console.log(`AppID:     ${appid}`);
  console.log(`AppSecret: ${secret}`);
  console.log(`account:   ${kind}, ${emulator.control.state().followerCount()} followers`);
  console.log(`control:   ${emulator.url}/__emulator/health`);
  console.log(`ready ${emulator.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
