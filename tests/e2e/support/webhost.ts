import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  /** The address to open, with this run's token in the fragment. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The browser host as a user starts it (`npm run web`, minus the build the e2e script already did):
 * a child process on a free port with a fresh data folder; its `ready <url>` line is the handshake.
 */
export async function startHost(options: { demo?: boolean; dataDir?: string } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fg-e2e-'));
  const args = ['--import', 'tsx', 'electron/webhost/cli.ts', '--port', '0', '--data', dataDir];
  if (options.demo) args.push('--demo');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`webhost exited early (${code}): ${out}\n${log}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
