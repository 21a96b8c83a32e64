import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '#contract/events';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { SyncMeter } from '../../../electron/core/followers/syncMeter';
import { startTestCore, type TestCore } from '../../support/coreServices';

let emulator: Emulator | null = null;
let core: TestCore | null = null;
afterEach(async () => {
  await core?.services.close();
  await emulator?.close();
  core = null;
  emulator = null;
});

describe('one sync progress', () => {
  it('only moves forward while the blacklist finishes before the followers, and nears 100 at the end', async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 5,
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 2_000 }],
    });
    // Details come slowly, the blacklist at once: it is complete long before the followers are.
    emulator.control.addFault({ path: '/cgi-bin/user/info/batchget', kind: 'latency', ms: 80 });
    core = await startTestCore(emulator);
    const accountId = (await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET })).id;
    const seen: EventPayload<'sync:progress'>[] = [];
    const finished = new Promise<void>((resolve) => {
      core?.services.events.subscribe((e) => {
        if (e.name !== 'sync:progress' || e.payload.accountId !== accountId) return;
        seen.push(e.payload);
        if (!e.payload.running) resolve();
      });
    });
    await core.ok('sync:start', { accountId });
    await finished;
    const running = seen.filter((s) => s.running).map((s) => s.percent);
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    expect(running.at(-1)).toBeGreaterThanOrEqual(90);
    // While the followers' pass runs, the counts shown are the followers'.
    expect(seen.filter((s) => s.running && s.phase === 'blacklist' && s.percent < 90)).toEqual([]);
  });

  it('weighs each phase by its calls: a blacklist of 1 page is a sliver of 23 000 followers', () => {
    const meter = new SyncMeter();
    meter.blacklistAt(40, 40);
    expect(meter.percent()).toBe(0);
    meter.followersAt(100, 23_000);
    expect(meter.percent()).toBeLessThan(3);
    meter.followersAt(23_000, 23_000);
    expect(meter.percent()).toBe(99);
    meter.groupsFetched();
    expect(meter.percent()).toBe(100);
  });
});
