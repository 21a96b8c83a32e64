// configure() patches are checked before they are applied: the control surface is reachable over
// HTTP, and a nonsense value (a page size of -5, a whitelist entry like 1.2.3.*) must be refused
// with a reason instead of turning into a hang or a crash later.

import { z } from 'zod';
import { isWhitelistEntry } from './settings';
import type { EmulatorSettingsPatch } from './types';

/** Paths are /cgi-bin/... and short; limits are whole calls. */
const quotaMap = z
  .record(z.string().regex(/^\/cgi-bin\/[a-z0-9_/]{1,80}$/), z.int().min(0).max(1_000_000_000))
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 paths');

const whitelistEntry = z.string().max(18).refine(isWhitelistEntry, {
  message: 'an IPv4 address or a CIDR range such as 1.2.3.0/24 (1.2.3.* is refused)',
});

const patchSchema = z
  .strictObject({
    ipWhitelist: z
      .strictObject({
        enabled: z.boolean(),
        seenIp: z
          .string()
          .min(2)
          .max(45)
          .regex(/^[0-9a-fA-F:.]+$/),
        scope: z.enum(['token', 'all']),
        variant: z.enum(['ipv6', 'hint', 'plain']),
        allowed: z.array(whitelistEntry).max(200),
        errcode: z.union([z.literal(40164), z.literal(61004)]),
        applyDelayMs: z
          .int()
          .min(0)
          .max(24 * 3600_000),
      })
      .partial(),
    ipConfirm: z.enum(['off', '89503', '89501', '89506', '89507']),
    tagNameRule: z.enum(['chars', 'bytes']),
    remarkRule: z.enum(['bytes', 'chars']),
    maxTags: z.int().min(0).max(10_000),
    maxLegacyGroups: z.int().min(0).max(10_000),
    blacklistPageSize: z.int().min(1).max(10_000),
    userGetPageSize: z.int().min(1).max(10_000),
    tagMemberPageSize: z.int().min(1).max(10_000),
    tagDeleteMaxFans: z.int().min(0).max(10_000_000),
    quotas: quotaMap,
    minuteQuotas: quotaMap,
    unicodeEscapes: z.enum(['reject', 'accept']),
    userGetOrder: z.enum(['stable', 'subscription']),
    userInfoLanguage: z.boolean(),
    remarkAccess: z.enum(['service', 'verified']),
    newTagStaleCalls: z.int().min(0).max(100),
    quotaTiers: z.boolean(),
  })
  .partial();

/** The patch, or an Error naming every field that is out of bounds. */
export function checkPatch(patch: unknown): EmulatorSettingsPatch {
  const r = patchSchema.safeParse(patch);
  if (r.success) return r.data;
  const why = r.error.issues.map((i) => `${i.path.join('.') || 'patch'}: ${i.message}`).join('; ');
  throw new Error(`invalid settings: ${why}`);
}
