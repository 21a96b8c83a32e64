// `npm run emulator`: prints URL, credentials and a `ready` line; Ctrl-C closes it.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

it('starts from the command line and stops on SIGINT', async () => {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      'electron/emulator/cli.ts',
      '--port',
      '0',
      '--followers',
      '500',
      '--seed',
      '7',
      '--appid',
      'wx1234567890abcdef',
      '--secret',
      'f'.repeat(32),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ready (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = await ready;
  expect(out).toContain('wx1234567890abcdef');
  expect(out).toContain('f'.repeat(32));
  const res = await fetch(
    `${url}/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=${'f'.repeat(32)}`,
  );
  expect(await res.json()).toHaveProperty('access_token');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
}, 20_000);
