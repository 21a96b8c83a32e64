// Daily and per-minute call quotas of one account (45009 / 45011), and the clear_quota budget.
// Days roll over at midnight Beijing time, like WeChat's counters.

import type { Clock } from './clock';
import type { AccountKind, EmulatorSettings } from './types';

/** Published daily limits (doc §6); unpublished ones (tags, blacklist) are our choice. */
const DAILY: Record<string, [normal: number, test: number]> = {
  '/cgi-bin/token': [2000, 200],
  '/cgi-bin/stable_token': [500_000, 500_000],
  '/cgi-bin/user/get': [500, 100],
  '/cgi-bin/user/info': [5_000_000, 500_000],
  '/cgi-bin/user/info/batchget': [5_000_000, 500_000],
  '/cgi-bin/user/info/updateremark': [10_000, 10_000],
  '/cgi-bin/groups/create': [1000, 100],
  '/cgi-bin/groups/get': [1000, 100],
  '/cgi-bin/groups/update': [1000, 100],
  '/cgi-bin/groups/delete': [1000, 100],
  '/cgi-bin/groups/getid': [100_000, 1000],
  '/cgi-bin/groups/members/update': [100_000, 1000],
  '/cgi-bin/groups/members/batchupdate': [100_000, 1000],
  '/cgi-bin/openapi/quota/get': [100_000, 10_000],
  '/cgi-bin/get_api_domain_ip': [100_000, 10_000],
};
/** Tag and blacklist APIs: WeChat does not publish these; 100 000/day (10 000 on test accounts). */
const UNPUBLISHED: [number, number] = [100_000, 10_000];
const MINUTE: Record<string, number> = { '/cgi-bin/stable_token': 10_000 };

export const CLEAR_QUOTA_PER_MONTH = 10;
export const FORCE_REFRESH_PER_DAY = 20;

interface Counter {
  key: number;
  used: number;
}

const TOKEN_PATHS = new Set(['/cgi-bin/token', '/cgi-bin/stable_token']);

/**
 * WeChat raises an account's limits with its follower count (10万 / 100万 / 1000万 tiers, doc §6);
 * the factors are the emulator's choice. Token limits stay flat.
 */
export function tierFactor(followers: number): number {
  return followers >= 10_000_000 ? 10 : followers >= 1_000_000 ? 5 : followers >= 100_000 ? 2 : 1;
}

export function dailyLimit(
  path: string,
  kind: AccountKind,
  settings: EmulatorSettings,
  followers: number,
): number {
  const own = settings.quotas[path];
  if (own !== undefined) return own;
  const pair = DAILY[path] ?? UNPUBLISHED;
  const base = kind === 'test' ? pair[1] : pair[0];
  return settings.quotaTiers && !TOKEN_PATHS.has(path) ? base * tierFactor(followers) : base;
}

export function minuteLimit(path: string, settings: EmulatorSettings): number {
  return settings.minuteQuotas[path] ?? MINUTE[path] ?? Infinity;
}

export class QuotaBook {
  private readonly daily = new Map<string, Counter>();
  private readonly minute = new Map<string, Counter>();
  private clears: Counter = { key: -1, used: 0 };
  private forceRefreshes: Counter = { key: -1, used: 0 };

  constructor(private readonly clock: Clock) {}

  used(path: string): number {
    const c = this.daily.get(path);
    return c && c.key === this.clock.dayKey() ? c.used : 0;
  }

  /** Counts one call; returns the errcode when a limit is already reached (nothing counted). */
  take(path: string, daily: number, perMinute: number): 0 | 45009 | 45011 {
    const day = current(this.daily, path, this.clock.dayKey());
    if (day.used >= daily) return 45009;
    const min = current(this.minute, path, this.clock.minuteKey());
    if (min.used >= perMinute) return 45011;
    day.used++;
    min.used++;
    return 0;
  }

  /** One of the 20 daily force_refresh calls of stable_token; false when none are left. */
  takeForceRefresh(): boolean {
    const key = this.clock.dayKey();
    if (this.forceRefreshes.key !== key) this.forceRefreshes = { key, used: 0 };
    if (this.forceRefreshes.used >= FORCE_REFRESH_PER_DAY) return false;
    this.forceRefreshes.used++;
    return true;
  }

  /** clear_quota: resets every counter; false when this month's 10 resets are used up. */
  clear(): boolean {
    const key = this.clock.monthKey();
    if (this.clears.key !== key) this.clears = { key, used: 0 };
    if (this.clears.used >= CLEAR_QUOTA_PER_MONTH) return false;
    this.clears.used++;
    this.daily.clear();
    this.minute.clear();
    this.forceRefreshes = { key: -1, used: 0 };
    return true;
  }

  reset(): void {
    this.daily.clear();
    this.minute.clear();
    this.clears = { key: -1, used: 0 };
    this.forceRefreshes = { key: -1, used: 0 };
  }
}

function current(map: Map<string, Counter>, path: string, key: number): Counter {
  let c = map.get(path);
  if (!c) {
    c = { key, used: 0 };
    map.set(path, c);
  } else if (c.key !== key) {
    c.key = key;
    c.used = 0;
  }
  return c;
}
