// Emulator settings: defaults (the choices documented in README.md) and patch merging.

import type { EmulatorSettings, EmulatorSettingsPatch } from './types';

export function defaultSettings(): EmulatorSettings {
  return {
    ipWhitelist: {
      enabled: false,
      seenIp: '203.0.113.7',
      scope: 'all',
      variant: 'ipv6',
      allowed: [],
      errcode: 40164,
      applyDelayMs: 0,
    },
    ipConfirm: 'off',
    tagNameRule: 'chars',
    remarkRule: 'bytes',
    maxTags: 100,
    maxLegacyGroups: 500,
    blacklistPageSize: 1000,
    userGetPageSize: 10_000,
    tagMemberPageSize: 10_000,
    tagDeleteMaxFans: 100_000,
    quotas: {},
    minuteQuotas: {},
    unicodeEscapes: 'reject',
    userGetOrder: 'stable',
    userInfoLanguage: false,
    remarkAccess: 'service',
    newTagStaleCalls: 1,
    quotaTiers: true,
  };
}

/**
 * The whitelist a request meets now: a change made with applyDelayMs is pending until its time.
 */
export function effectiveAllowed(w: EmulatorSettings['ipWhitelist'], now: number): readonly string[] {
  return w.pending && now >= w.pending.at ? w.pending.allowed : w.allowed;
}

/** Applies a patch: scalar keys replace; ipWhitelist, quotas and minuteQuotas merge key by key. */
export function applyPatch(base: EmulatorSettings, patch: EmulatorSettingsPatch): EmulatorSettings {
  const { ipWhitelist, quotas, minuteQuotas, ...rest } = patch;
  return {
    ...base,
    ...rest,
    ipWhitelist: {
      ...base.ipWhitelist,
      ...ipWhitelist,
      allowed: [...(ipWhitelist?.allowed ?? base.ipWhitelist.allowed)],
    },
    quotas: { ...base.quotas, ...quotas },
    minuteQuotas: { ...base.minuteQuotas, ...minuteQuotas },
  };
}

/** Merges two patches so that applying the result equals applying a then b. */
export function mergePatches(a: EmulatorSettingsPatch, b: EmulatorSettingsPatch): EmulatorSettingsPatch {
  return {
    ...a,
    ...b,
    ipWhitelist: { ...a.ipWhitelist, ...b.ipWhitelist },
    quotas: { ...a.quotas, ...b.quotas },
    minuteQuotas: { ...a.minuteQuotas, ...b.minuteQuotas },
  };
}

/** `1.2.3.4` or `1.2.3.0/24`; the console refuses anything else (`1.2.3.*` included). */
export function isWhitelistEntry(entry: string): boolean {
  const [base, bits, extra] = entry.split('/');
  if (extra !== undefined || base === undefined || ipv4(base) === null) return false;
  return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
}

/** IPv4 address or CIDR membership, for the whitelist. */
export function ipAllowed(ip: string, allowed: readonly string[]): boolean {
  const addr = ipv4(ip);
  for (const entry of allowed) {
    if (entry === ip) return true;
    const [base, bitsText] = entry.split('/');
    if (bitsText === undefined || addr === null) continue;
    const net = ipv4(base);
    const bits = Number(bitsText);
    if (net === null || !Number.isInteger(bits) || bits < 0 || bits > 32) continue;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((addr & mask) >>> 0 === (net & mask) >>> 0) return true;
  }
  return false;
}

function ipv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}
