// What `npm start` launches: the real npm script (fetch step, then electron-vite dev) runs with
// ELECTRON_EXEC_PATH pointing at a stand-in that records how it was started and exits.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRendererLocation } from '../../../electron/main/rendererLocation';
import { electronPackage, installedBinary } from '../../../electron/tools/electronBinary';

const projectDir = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'fg-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Launch = {
  argv: string[];
  cwd: string;
  rendererUrl?: string;
  page: { status: number; title: string } | null;
};

/** A stand-in Electron: records argv, cwd and env, loads the dev page once, then exits 0. */
function standIn(record: string): string {
  const file = join(work, 'electron-stand-in.mjs');
  writeFileSync(
    file,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
const url = process.env.ELECTRON_RENDERER_URL;
let page = null;
if (url) {
  const response = await fetch(url);
  const html = await response.text();
  page = { status: response.status, title: /<title>([^<]*)<\\/title>/.exec(html)?.[1] ?? '' };
}
writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), rendererUrl: url, page }));
`,
  );
  chmodSync(file, 0o755);
  return file;
}

function npmStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['start'], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

describe('npm start', () => {
  it('launches Electron on the app folder with the dev renderer URL', async () => {
    const record = join(work, 'launch.json');
    const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...env } = process.env;
    const result = await npmStart({ ...env, ELECTRON_EXEC_PATH: standIn(record) });
    expect(result.code, result.output).toBe(0);

    const launch = JSON.parse(readFileSync(record, 'utf8')) as Launch;
    console.log(`stand-in launch: ${JSON.stringify(launch)}`);
    // The app folder: '.' from the project root, whose package.json points at the built main.
    expect(launch.argv[0]).toBe('.');
    expect(realpathSync(resolve(launch.cwd, launch.argv[0]!))).toBe(realpathSync(projectDir));
    const manifest = JSON.parse(readFileSync(join(launch.cwd, 'package.json'), 'utf8')) as { main: string };
    expect(manifest.main).toBe('out/main/index.js');
    // The dev server's URL, one the main process accepts, serving the app's page.
    expect(launch.rendererUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/);
    expect(
      resolveRendererLocation({ isPackaged: false, devUrl: launch.rendererUrl, rendererDir: '/x' }),
    ).toEqual({
      kind: 'dev',
      url: launch.rendererUrl,
    });
    expect(launch.page).toEqual({ status: 200, title: '粉丝分组助手' });
  }, 120_000);

  // Where a developer already has the binary, `npm start` would open the real app: not in a test.
  it.skipIf(installedBinary(electronPackage(projectDir)) !== null)(
    'without a reachable download, stops with one line saying why and what to do (binary not installed here)',
    async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const mirror = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
      closed.close();
      const { ELECTRON_OVERRIDE_DIST_PATH: _a, ELECTRON_EXEC_PATH: _b, ...env } = process.env;
      const result = await npmStart({
        ...env,
        ELECTRON_MIRROR: mirror,
        electron_config_cache: join(work, 'cache'),
      });
      expect(result.code).not.toBe(0);
      const lines = result.output.split('\n').filter((line) => line.includes('could not be downloaded'));
      expect(lines).toEqual([
        `Electron ${electronPackage(projectDir).version} could not be downloaded: the mirror ${mirror} could not be reached. Check the network or the mirror address, then run the command again.`,
      ]);
      expect(result.output).not.toContain('Electron uninstall');
      expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(join(electronPackage(projectDir).dir, 'path.txt'))).toBe(false);
    },
    60_000,
  );

  it('stops with one line when ELECTRON_EXEC_PATH names nothing', async () => {
    const result = await npmStart({ ...process.env, ELECTRON_EXEC_PATH: join(work, 'missing-electron') });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('ELECTRON_EXEC_PATH points at');
    expect(result.output).not.toContain('Electron uninstall');
  }, 60_000);
});
