// Fetching the Electron binary with Electron's own installer, against a mirror on 127.0.0.1:
// unreachable, missing, damaged, good, and a damaged copy in the download cache.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chinaMirror,
  electronPackage,
  failureMessage,
  fetchElectron,
  installedBinary,
  type ElectronPackage,
} from '../../../electron/tools/electronBinary';

const projectDir = resolve(import.meta.dirname, '../../..');
const real = electronPackage(projectDir);
const zipName = `electron-v${real.version}-${process.platform}-${process.arch}.zip`;
const work = mkdtempSync(join(tmpdir(), 'fg-electron-fetch-'));

let server: Server;
let mirror: string;
let served: { zip: Buffer | null; shasums: string | null };
let requests: string[];
let pkg: ElectronPackage;

/** A copy of the electron package (its install.js and checksums) in a scratch project. */
function scratchElectronPackage(): ElectronPackage {
  const root = join(work, 'project');
  rmSync(root, { recursive: true, force: true });
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json'])
    cpSync(join(real.dir, file), join(dir, file));
  // install.js's own dependencies, from the real install.
  for (const dep of ['@electron/get', '@electron-internal/extract-zip']) {
    mkdirSync(dirname(join(root, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(projectDir, 'node_modules', dep), join(root, 'node_modules', dep));
  }
  writeFileSync(join(root, 'package.json'), '{"name":"scratch"}');
  return electronPackage(root);
}

function fakeElectronZip(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(
    Buffer.from('#!/bin/sh\necho stand-in\n'),
    process.platform === 'win32' ? 'electron.exe' : 'electron',
    { mode: 0o100755 },
  );
  zip.addBuffer(Buffer.from(real.version), 'version');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((done, fail) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => done(Buffer.concat(chunks)));
    zip.outputStream.on('error', fail);
  });
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const {
    ELECTRON_OVERRIDE_DIST_PATH: _a,
    ELECTRON_MIRROR: _b,
    electron_use_remote_checksums: _c,
    ...rest
  } = process.env;
  return { ...rest, ELECTRON_MIRROR: mirror, electron_config_cache: join(work, 'cache'), ...extra };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = req.url?.split('/').pop();
    if (file === zipName && served.zip) res.writeHead(200).end(served.zip);
    else if (file === 'SHASUMS256.txt' && served.shasums) res.writeHead(200).end(served.shasums);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  served = { zip: null, shasums: null };
  requests = [];
  rmSync(join(work, 'cache'), { recursive: true, force: true });
  pkg = scratchElectronPackage();
});

const nothingInstalled = () => {
  expect(existsSync(join(pkg.dir, 'path.txt'))).toBe(false);
  expect(existsSync(join(pkg.dir, 'dist'))).toBe(false);
  expect(installedBinary(pkg)).toBeNull();
};

describe('fetching the Electron binary', () => {
  it('says in one line that the mirror cannot be reached, and leaves nothing half-installed', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    closed.close();
    const result = await fetchElectron(pkg, env({ ELECTRON_MIRROR: unreachable }));
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`the mirror ${unreachable} could not be reached`),
    });
    expect(result.ok ? '' : result.message).not.toContain('\n');
    nothingInstalled();
  });

  it('a stale or half-extracted install is cleared when the new download fails, so nothing launches it', async () => {
    // What an interrupted extraction or an Electron upgrade leaves: path.txt, part of dist/, an old version.
    mkdirSync(join(pkg.dir, 'dist'), { recursive: true });
    writeFileSync(join(pkg.dir, 'dist', 'electron'), 'partial');
    writeFileSync(join(pkg.dir, 'dist', 'version'), '44.0.0');
    writeFileSync(join(pkg.dir, 'path.txt'), 'electron');
    expect(installedBinary(pkg)).toBeNull();
    const result = await fetchElectron(pkg, env({}));
    expect(result.ok).toBe(false);
    nothingInstalled();
  });

  it('without a mirror, the message tells how to use the China mirror', () => {
    const message = failureMessage('45.5.0', 'TypeError: fetch failed', {});
    expect(message).toBe(
      `Electron 45.5.0 could not be downloaded: GitHub could not be reached. Check the network, or use a mirror: set ELECTRON_MIRROR=${chinaMirror} and run the command again.`,
    );
  });

  it('says the mirror does not have this version (404)', async () => {
    const result = await fetchElectron(pkg, env({}));
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`does not have Electron ${real.version}`),
    });
    nothingInstalled();
  });

  it("rejects a damaged download by Electron's checksums, and installs a good one on the next try", async () => {
    served.zip = Buffer.from('PK\u0003\u0004 this is not the Electron zip');
    const damaged = await fetchElectron(pkg, env({}));
    expect(damaged).toEqual({ ok: false, message: expect.stringContaining('damaged or incomplete') });
    nothingInstalled();

    // A zip the mirror vouches for: checked against the mirror's SHASUMS256.txt instead of checksums.json.
    served.zip = await fakeElectronZip();
    served.shasums = `${createHash('sha256').update(served.zip).digest('hex')} *${zipName}\n`;
    const good = await fetchElectron(pkg, env({ electron_use_remote_checksums: '1' }));
    expect(good).toEqual({
      ok: true,
      binary: join(pkg.dir, 'dist', process.platform === 'win32' ? 'electron.exe' : 'electron'),
    });
    expect(installedBinary(pkg)).toBe(good.ok ? good.binary : null);

    // Installed: the next start downloads nothing.
    requests = [];
    expect((await fetchElectron(pkg, env({ electron_use_remote_checksums: '1' }))).ok).toBe(true);
    expect(requests).toEqual([]);
  });

  it('fetches again when the copy in the download cache is damaged', async () => {
    served.zip = await fakeElectronZip();
    served.shasums = `${createHash('sha256').update(served.zip).digest('hex')} *${zipName}\n`;
    expect((await fetchElectron(pkg, env({ electron_use_remote_checksums: '1' }))).ok).toBe(true);
    const cached = findFile(join(work, 'cache'), zipName);
    expect(cached).toBeTruthy();
    writeFileSync(cached!, 'truncated');
    pkg = scratchElectronPackage();

    requests = [];
    const again = await fetchElectron(pkg, env({ electron_use_remote_checksums: '1' }));
    expect(again.ok).toBe(true);
    expect(requests.some((url) => url.endsWith(zipName))).toBe(true);
  });
});

function findFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    } else if (entry.name === name) return path;
  }
  return undefined;
}
