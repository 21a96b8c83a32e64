// Emulator settings: defaults (the choices documented in README.md) and patch merging.

import type { SandboxSettings, SandboxSettingsPatch } from './types';

export function defaultSettings(): SandboxSettings {
  return {
    ipWhitelist: {
      enabled: false,
      seenIp: '203.0.113.7',
      scope: 'token',
      variant: 'ipv6',
      allowed: [],
      errcode: 40164,
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
  };
}

/** Applies a patch: scalar keys replace; ipWhitelist, quotas and minuteQuotas merge key by key. */
export function applyPatch(base: SandboxSettings, patch: SandboxSettingsPatch): SandboxSettings {
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
export function mergePatches(a: SandboxSettingsPatch, b: SandboxSettingsPatch): SandboxSettingsPatch {
  return {
    ...a,
    ...b,
    ipWhitelist: { ...a.ipWhitelist, ...b.ipWhitelist },
    quotas: { ...a.quotas, ...b.quotas },
    minuteQuotas: { ...a.minuteQuotas, ...b.minuteQuotas },
  };
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
