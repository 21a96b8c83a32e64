import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import type { TestCore } from '../../support/coreServices';
import { addAccount, startJobCore, syncAccount } from '../../support/jobCore';

let emulator: Emulator;
let core: TestCore;
let accountId: string;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 13,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 3_000 }],
  });
  core = await startJobCore(emulator);
  accountId = await addAccount(core);
  await syncAccount(core, accountId);
});
afterAll(async () => {
  await core.services.close();
  await emulator.close();
});

/** Subscribed followers on the emulator, with the QR code they came through. */
function followersByQr(): Map<string, string[]> {
  const state = emulator.control.state();
  const by = new Map<string, string[]>();
  for (const openid of state.openids()) {
    const f = state.follower(openid);
    const key = f?.qrSceneStr || (f?.qrScene ? String(f.qrScene) : '');
    if (!key) continue;
    by.set(key, [...(by.get(key) ?? []), openid]);
  }
  return by;
}

describe('filter by the channel QR code (二维码参数)', () => {
  it('finds exactly the followers who came through a string or a numbered QR code', async () => {
    const by = followersByQr();
    const text = [...by.keys()].find((k) => !/^\d+$/.test(k));
    const number = [...by.keys()].find((k) => /^\d+$/.test(k));
    expect(text).toBeDefined();
    expect(number).toBeDefined();
    for (const key of [text, number] as string[]) {
      const page = await core.ok('followers:query', { accountId, query: { qrScene: key, limit: 500 } });
      expect(page.rows.map((r) => r.openid).sort()).toEqual([...(by.get(key) ?? [])].sort());
      expect(page.total).toBe(by.get(key)?.length);
    }
  });

  it('combines with other filters, and an unknown code matches nobody', async () => {
    const [key, members] = [...followersByQr()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    const blacklisted = await core.ok('followers:query', {
      accountId,
      query: { qrScene: key, blacklisted: false, limit: 500 },
    });
    expect(blacklisted.rows.every((r) => !r.blacklisted && members.includes(r.openid))).toBe(true);
    const none = await core.ok('followers:query', { accountId, query: { qrScene: 'no-such-code' } });
    expect(none.total).toBe(0);
  });
});
