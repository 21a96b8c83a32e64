// The update check and download as the owner sees them, with electron-updater's real NSIS updater
// (its generic provider, latest.yml parsing, version comparison and sha512 check) talking to an
// update server on 127.0.0.1. Outside Electron only its HTTP layer is swapped for Node's.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOptions } from 'node:http';
import { NodeHttpExecutor } from 'builder-util';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import type { UpdateState } from '#contract/updates';
import { NsisUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpdateController, updatesOffReason } from '../../../electron/main/updater';

const work = mkdtempSync(join(tmpdir(), 'fg-updates-'));
const installer = Buffer.from('pretend this is FollowerGroups-0.2.0-win-x64.exe');
// The update description electron-updater asks for on this platform (latest.yml on Windows).
const feedFile = `/${{ win32: 'latest', darwin: 'latest-mac' }[process.platform as string] ?? 'latest-linux'}.yml`;
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

let server: Server;
let base: string;
let routes: Record<string, () => { status: number; body: Buffer | string }>;

const latestYml = (version: string, file = 'FollowerGroups-setup.exe', hash = sha512(installer)) =>
  `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${hash}\n    size: ${installer.length}\npath: ${file}\nsha512: ${hash}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;

function appAdapter(version: string): AppAdapter {
  return {
    version,
    name: 'follower-groups-test',
    isPackaged: true,
    appUpdateConfigPath: join(work, 'app-update.yml'),
    userDataPath: join(work, 'userData'),
    baseCachePath: join(work, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

/**
 * Node's HTTP client in place of Electron's net module, with the download method that
 * electron-updater's ElectronHttpExecutor adds (the same few calls into the shared base class).
 */
class NodeUpdateHttp extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** electron-updater's NSIS updater, with Node's HTTP client in place of Electron's net module. */
function nodeUpdater(version: string, feed = base): AppUpdater {
  const updater = new NsisUpdater(null, appAdapter(version));
  Object.assign(updater, { httpExecutor: new NodeUpdateHttp() });
  updater.logger = null;
  updater.setFeedURL({ provider: 'generic', url: feed });
  return updater;
}

function controllerFor(updater: AppUpdater) {
  const seen: UpdateState[] = [];
  const controller = createUpdateController({
    updater,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: () => 1_700_000_000_000,
  });
  controller.subscribe((state) => seen.push(state));
  return { controller, seen };
}

async function settled(controller: ReturnType<typeof controllerFor>['controller']): Promise<UpdateState> {
  for (let i = 0; i < 200; i++) {
    const state = controller.state();
    if (state.status !== 'downloading' && state.status !== 'checking') return state;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return controller.state();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    const answer = route ? route() : { status: 404, body: 'not found' };
    res.writeHead(answer.status, { 'Content-Type': 'application/octet-stream' }).end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // What electron-builder writes next to app.asar when the build has an update feed.
  writeFileSync(
    join(work, 'app-update.yml'),
    `provider: generic\nurl: ${base}\nupdaterCacheDirName: follower-groups-updater\n`,
  );
});
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  routes = {};
  rmSync(join(work, 'cache'), { recursive: true, force: true });
});

describe('checking for updates against a local update server', () => {
  it('a newer version downloads (with progress) and waits for the owner to agree to install it', async () => {
    routes[feedFile] = () => ({ status: 200, body: latestYml('0.2.0') });
    routes['/FollowerGroups-setup.exe'] = () => ({ status: 200, body: installer });
    const updater = nodeUpdater('0.1.0');
    const { controller, seen } = controllerFor(updater);

    await controller.check();
    expect(await settled(controller)).toEqual({ status: 'ready', version: '0.2.0', installOnQuit: false });
    expect(seen.map((s) => s.status)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    // Nothing is installed on quit until the owner says so.
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(controller.setInstallOnQuit(true)).toEqual({
      status: 'ready',
      version: '0.2.0',
      installOnQuit: true,
    });
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(controller.setInstallOnQuit(false)).toMatchObject({ installOnQuit: false });
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('the same version: up to date', async () => {
    routes[feedFile] = () => ({ status: 200, body: latestYml('0.1.0') });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toEqual({
      status: 'upToDate',
      latest: '0.1.0',
      serverOlder: false,
      checkedAt: 1_700_000_000_000,
    });
  });

  it('a lower version on the server: nothing installed, and the state says the server is behind', async () => {
    routes[feedFile] = () => ({ status: 200, body: latestYml('0.0.9') });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toMatchObject({
      status: 'upToDate',
      latest: '0.0.9',
      serverOlder: true,
    });
  });

  it('garbage instead of latest.yml: a bad-feed error', async () => {
    routes[feedFile] = () => ({ status: 200, body: '<html><body>502 Bad Gateway</body></html>' });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toEqual({ status: 'error', reason: 'badFeed', at: 1_700_000_000_000 });
  });

  it('a version that is not a version: a bad-feed error', async () => {
    routes[feedFile] = () => ({ status: 200, body: latestYml('latest-and-greatest') });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toMatchObject({ status: 'error', reason: 'badFeed' });
  });

  it('no latest.yml (404): not found', async () => {
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toMatchObject({ status: 'error', reason: 'notFound' });
  });

  it('a huge answer (20 MB) instead of latest.yml: a bad-feed error, and the next check still works', async () => {
    routes[feedFile] = () => ({ status: 200, body: Buffer.alloc(20 * 1024 * 1024, 'x') });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    expect(await controller.check()).toMatchObject({ status: 'error', reason: 'badFeed' });
    routes[feedFile] = () => ({ status: 200, body: latestYml('0.1.0') });
    expect(await controller.check()).toMatchObject({ status: 'upToDate' });
  });

  it('an unreachable server: unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const feed = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    closed.close();
    const { controller } = controllerFor(nodeUpdater('0.1.0', feed));
    expect(await controller.check()).toMatchObject({ status: 'error', reason: 'unreachable' });
  });

  it('an installer that does not match its sha512: a download error, nothing ready to install', async () => {
    routes[feedFile] = () => ({ status: 200, body: latestYml('0.2.0') });
    routes['/FollowerGroups-setup.exe'] = () => ({
      status: 200,
      body: Buffer.from('tampered installer bytes!!'),
    });
    const { controller } = controllerFor(nodeUpdater('0.1.0'));
    await controller.check();
    expect(await settled(controller)).toMatchObject({ status: 'error', reason: 'download' });
    expect(controller.setInstallOnQuit(true)).toMatchObject({ status: 'error' });
  });
});

describe('whether a build updates itself', () => {
  const installed = { isPackaged: true, platform: 'win32' as const, hasFeed: true, macSigned: false };
  it('only an installed build with an update address does (signed, on macOS)', () => {
    expect(updatesOffReason(installed)).toBeNull();
    expect(updatesOffReason({ ...installed, isPackaged: false })).toBe('dev');
    expect(updatesOffReason({ ...installed, hasFeed: false })).toBe('noFeed');
    expect(updatesOffReason({ ...installed, platform: 'darwin' })).toBe('unsignedMac');
    expect(updatesOffReason({ ...installed, platform: 'darwin', macSigned: true })).toBeNull();
  });
});
