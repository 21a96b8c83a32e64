import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import type { EventPayload } from '#contract/events';
import type { TestCore } from '../../support/coreServices';
import { startTestCore } from '../../support/coreServices';
import { addAccount, fastJobTiming, syncAccount, waitForJob } from '../../support/jobCore';
import { emulatorClient } from '../../support/emulatorClient';

// "The network goes": the emulator's port is closed, so every connection is refused at once, as
// when a laptop's Wi-Fi drops. "It comes back": a new emulator listens on the same port.

let emulator: Emulator | null = null;
let core: TestCore | null = null;

afterEach(async () => {
  await core?.services.close();
  core = null;
  await emulator?.close();
  emulator = null;
});

async function wechat(port = 0): Promise<Emulator> {
  return startEmulator({
    port,
    seed: 15,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 120 }],
  });
}

/** The next `net:status` of this account that says `online`. */
function nextNetStatus(core: TestCore, online: boolean): Promise<EventPayload<'net:status'>> {
  return new Promise((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'net:status' && e.payload.online === online) {
        off();
        resolve(e.payload);
      }
    });
  });
}

const quickProbe = { firstDelayMs: 20, maxDelayMs: 80 };

describe('a refused connection', () => {
  it('fails the call after one try per host, without waiting out a backoff, and reports offline', async () => {
    emulator = await wechat();
    const down = emulator;
    await down.close();
    const sleeps: number[] = [];
    const reach: boolean[] = [];
    const client = emulatorClient(down, {
      sleep: async (ms) => void sleeps.push(ms),
      onReachability: (online) => reach.push(online),
    });
    emulator = null;
    const error = await client.call({ method: 'GET', path: '/cgi-bin/tags/get', idempotent: true }).then(
      () => null,
      (e: unknown) => e as { code?: string; params?: Record<string, unknown> },
    );
    await client.close();
    expect(error?.code).toBe('NETWORK');
    expect(sleeps).toEqual([]);
    expect(reach).toEqual([false]);
  });

  it('the probe says whether WeChat answers, without a token or a secret', async () => {
    emulator = await wechat();
    let secretRead = false;
    const client = emulatorClient(emulator, {
      secret: async () => {
        secretRead = true;
        return DEFAULT_SECRET;
      },
    });
    expect(await client.reachable()).toBe(true);
    const port = emulator.port;
    await emulator.close();
    emulator = null;
    expect(await client.reachable()).toBe(false);
    emulator = await wechat(port);
    expect(await client.reachable()).toBe(true);
    await client.close();
    expect(secretRead).toBe(false);
  });
});

describe('reconnecting by itself', () => {
  it('comes back online when WeChat answers again, with nothing else asking', async () => {
    emulator = await wechat();
    const port = emulator.port;
    core = await startTestCore(emulator, {}, undefined, { jobs: fastJobTiming, netProbe: quickProbe });
    const accountId = await addAccount(core);
    await syncAccount(core, accountId);

    await emulator.close();
    emulator = null;
    const offline = nextNetStatus(core, false);
    const failed = await core.call('groups:create', { accountId, name: '周末' });
    expect(failed.ok ? null : failed.error.code).toBe('NETWORK');
    expect((await offline).accountId).toBe(accountId);
    expect((await core.ok('net:get', { accountId })).online).toBe(false);

    const back = nextNetStatus(core, true);
    emulator = await wechat(port);
    expect((await back).accountId).toBe(accountId);
    expect((await core.ok('net:get', { accountId })).online).toBe(true);
    expect((await core.ok('groups:create', { accountId, name: '周末' })).name).toBe('周末');
  });

  it('a job waiting out an offline pause carries on as soon as WeChat answers, not at its next timed try', async () => {
    emulator = await wechat();
    const port = emulator.port;
    // The job's own timed retry is an hour away: only the probe can bring it back in this test.
    core = await startTestCore(emulator, {}, undefined, {
      jobs: { ...fastJobTiming, offlineRetryMs: 3_600_000 },
      netProbe: quickProbe,
    });
    const accountId = await addAccount(core);
    await syncAccount(core, accountId);
    // A seeded tag: the emulator that comes back has the same seed, so it has this tag too.
    const tag = (await core.ok('groups:list', { accountId })).groups.find((g) => g.id >= 100);
    if (!tag) throw new Error('the seed has no custom tag');
    const openids = emulator.control.state().openids().slice(0, 30);

    await emulator.close();
    emulator = null;
    const job = await core.ok('jobs:start', { accountId, kind: 'add', selection: { openids }, to: tag.id });
    const paused = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused');
    expect(paused.pauseReason).toBe('offline');

    emulator = await wechat(port);
    const done = await waitForJob(core, accountId, job.id, (j) => j.status === 'done', 5_000);
    expect(done.succeeded + done.skipped).toBe(30);
    expect(done.failed).toBe(0);
  });

  it('after a start with WeChat down, the first look at the account finds out at once instead of claiming online', async () => {
    emulator = await wechat();
    core = await startTestCore(emulator, {}, undefined, { jobs: fastJobTiming, netProbe: quickProbe });
    const accountId = await addAccount(core);
    const { dataDir, secretsDir } = core;
    await core.services.close();
    await emulator.close();
    emulator = null;

    core = await startTestCore(
      // Any port: nothing listens on the one the account used.
      await (async () => {
        const s = await wechat();
        await s.close();
        return s;
      })(),
      {},
      { dataDir, secretsDir },
      { jobs: fastJobTiming, netProbe: quickProbe },
    );
    const offline = nextNetStatus(core, false);
    const first = await core.ok('net:get', { accountId });
    expect(first.since).toBeNull();
    expect((await offline).accountId).toBe(accountId);
  });
});

describe('重新连接', () => {
  it('looks now, without waiting for the next timed check, and answers what it found', async () => {
    emulator = await wechat();
    const port = emulator.port;
    // The timed checks are an hour apart here: only the owner's click can find WeChat again.
    core = await startTestCore(emulator, {}, undefined, {
      jobs: fastJobTiming,
      netProbe: { firstDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
    });
    const accountId = await addAccount(core);
    await syncAccount(core, accountId);
    await emulator.close();
    emulator = null;
    await core.call('groups:create', { accountId, name: '周末' });

    expect((await core.ok('net:check', { accountId })).online).toBe(false);
    emulator = await wechat(port);
    expect((await core.ok('net:check', { accountId })).online).toBe(true);
    expect((await core.ok('net:get', { accountId })).online).toBe(true);
  });
});
