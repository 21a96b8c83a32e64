// Seeded data (doc §9.9): deterministic, realistic shapes and shares.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import {
  DEFAULT_APPID,
  DEFAULT_SECRET,
  DEFAULT_START_TIME,
  type Emulator,
  startEmulator,
} from '../../../electron/emulator';

const N = 10_000;
let a: Emulator;
let b: Emulator;
let c: Emulator;
beforeAll(async () => {
  const apps = [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: N }];
  [a, b, c] = await Promise.all([
    startEmulator({ seed: 7, apps }),
    startEmulator({ seed: 7, apps }),
    startEmulator({ seed: 8, apps }),
  ]);
});
afterAll(() => Promise.all([a.close(), b.close(), c.close()]));

describe('determinism', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const sa = a.control.state();
    const sb = b.control.state();
    const all = sa.openids({ subscribedOnly: false });
    expect(sb.openids({ subscribedOnly: false })).toEqual(all);
    expect(sb.tags()).toEqual(sa.tags());
    expect(sb.blacklist()).toEqual(sa.blacklist());
    for (const o of all.slice(0, 200)) expect(sb.follower(o)).toEqual(sa.follower(o));
    expect(c.control.state().openids({ subscribedOnly: false })[0]).not.toBe(all[0]);
  });

  it('is restored by reset()', () => {
    const s = a.control.state();
    const before = s.tags();
    s.createTag('临时');
    s.follow(5);
    a.control.reset();
    expect(a.control.state().tags()).toEqual(before);
    expect(a.control.state().openids({ subscribedOnly: false })).toHaveLength(N);
  });
});

describe('shape', () => {
  it('uses unique 28-character openids of [A-Za-z0-9_-] starting with o, sharing a per-account prefix', () => {
    const all = a.control.state().openids({ subscribedOnly: false });
    expect(new Set(all).size).toBe(N);
    for (const o of all) expect(o).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    const prefix = all[0].slice(0, 6);
    expect(all.every((o) => o.startsWith(prefix))).toBe(true);
  });

  it('has ~3% unfollowed, ~0.5% blacklisted, ~1/3 with remarks (Chinese; a few longer than the API takes, set in the console)', () => {
    const s = a.control.state();
    const all = s.openids({ subscribedOnly: false });
    const views = all.map((o) => s.follower(o));
    const unfollowed = views.filter((v) => !v?.subscribed).length / N;
    expect(unfollowed).toBeGreaterThan(0.02);
    expect(unfollowed).toBeLessThan(0.04);
    const blacklisted = s.blacklist().length / N;
    expect(blacklisted).toBeGreaterThan(0.002);
    expect(blacklisted).toBeLessThan(0.01);
    const remarks = views.map((v) => v?.remark ?? '').filter((r) => r !== '');
    expect(remarks.length / N).toBeGreaterThan(0.28);
    expect(remarks.length / N).toBeLessThan(0.39);
    expect(remarks.filter((r) => /[\u4e00-\u9fff]/.test(r)).length).toBe(remarks.length);
    // The console takes 30 characters, updateremark fewer than 30 bytes (doc §4.3): some seeded
    // remarks are over what the API would accept back, none over the console's limit.
    const long = remarks.filter((r) => Buffer.byteLength(r) >= 30);
    expect(long.length / remarks.length).toBeGreaterThan(0.03);
    expect(long.length / remarks.length).toBeLessThan(0.12);
    for (const r of remarks) expect([...r].length).toBeLessThanOrEqual(30);
    for (const v of views) if (!v?.subscribed) expect(v?.tagIds).toEqual([]);
  });

  it('spreads subscribe times over several years before the clock start', () => {
    const s = a.control.state();
    const times = s.openids().map((o) => s.follower(o)?.subscribeTime ?? 0);
    const start = DEFAULT_START_TIME / 1000;
    expect(Math.max(...times)).toBeLessThan(start);
    expect((start - Math.min(...times)) / (365 * 86400)).toBeGreaterThan(5);
  });

  it("lists followers in a stable order that is not subscription order; userGetOrder 'subscription' restores it", () => {
    const s = a.control.state();
    const times = () => s.openids().map((o) => s.follower(o)?.subscribeTime ?? 0);
    const rises = (t: number[]) =>
      t.filter((x, k) => k > 0 && x >= (t[k - 1] as number)).length / (t.length - 1);
    const stable = times();
    // About half the neighbours in order, as in a shuffled list.
    expect(rises(stable)).toBeGreaterThan(0.4);
    expect(rises(stable)).toBeLessThan(0.6);
    expect(times()).toEqual(stable);
    a.control.configure({ userGetOrder: 'subscription' });
    try {
      expect(rises(times())).toBe(1);
    } finally {
      a.control.reset();
    }
  });

  it('uses plausible scene weights and QR scenes', () => {
    const s = a.control.state();
    const views = s.openids().map((o) => s.follower(o));
    const counts = new Map<string, number>();
    for (const v of views) counts.set(v?.scene ?? '', (counts.get(v?.scene ?? '') ?? 0) + 1);
    const sorted = [...counts.entries()].sort((x, y) => y[1] - x[1]);
    expect(sorted[0][0]).toBe('ADD_SCENE_SEARCH');
    expect(counts.size).toBeGreaterThanOrEqual(12);
    for (const v of views) {
      if (v?.scene === 'ADD_SCENE_QR_CODE') expect(v.qrScene > 0 || v.qrSceneStr !== '').toBe(true);
      else expect([v?.qrScene, v?.qrSceneStr]).toEqual([0, '']);
    }
    expect(views.filter((v) => v?.language === 'zh_CN').length / views.length).toBeGreaterThan(0.85);
  });

  it('seeds Chinese tags with plausible counts and every follower in exactly one legacy group', () => {
    const s = a.control.state();
    const tags = s.tags();
    expect(tags.map((t) => t.name)).toEqual(
      expect.arrayContaining(['星标组', '老顾客', '会员', '北京', '活动报名']),
    );
    const followers = s.followerCount();
    for (const t of tags) {
      expect(t.count).toBeGreaterThan(0);
      expect(t.count).toBeLessThan(followers * 0.2);
    }
    const groups = s.legacyGroups();
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(followers);
    const ids = new Set(groups.map((g) => g.id));
    for (const o of s.openids().slice(0, 500)) expect(ids.has(s.follower(o)?.groupId ?? -1)).toBe(true);
  });

  it('can start without tags and with the maximum of one million followers only', async () => {
    await expect(
      startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 1_000_001 }] }),
    ).rejects.toThrow();
    const plain = await startEmulator({
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 50, tags: false }],
    });
    expect(plain.control.state().tags()).toEqual([{ id: RESERVED_GROUP.starred, name: '星标组', count: 0 }]);
    expect(plain.control.state().legacyGroups()).toHaveLength(3);
    await plain.close();
  });
});
