import { z } from 'zod';
import { accountIdInput } from './accounts';

/**
 * What WeChat itself says about the account: the day's call quotas (openapi/quota/get) and a
 * fresh look at the IP whitelist after the owner changed it (重新检测).
 */

/** The calls the app makes, each with its own daily quota on WeChat's side. */
export const quotaApiSchema = z.enum([
  'userGet',
  'batchget',
  'tagging',
  'untagging',
  'groupMove',
  'blacklist',
  'unblacklist',
  'remark',
]);
export type QuotaApi = z.infer<typeof quotaApiSchema>;

export const quotaItemSchema = z.object({
  api: quotaApiSchema,
  /** e.g. '/cgi-bin/user/get' */
  path: z.string(),
  /** null when WeChat does not report this path (76021) */
  limit: z.number().nullable(),
  used: z.number().nullable(),
  remain: z.number().nullable(),
});
export type QuotaItem = z.infer<typeof quotaItemSchema>;

export const quotaOverviewSchema = z.object({
  accountId: z.string(),
  items: z.array(quotaItemSchema),
  /** when the daily counters start again: the next midnight, Beijing time (ms) */
  resetsAt: z.number(),
  /** when WeChat was asked (ms) */
  readAt: z.number(),
});
export type QuotaOverview = z.infer<typeof quotaOverviewSchema>;

export const ipRecheckSchema = z.object({
  /** WeChat accepts calls from this computer again */
  ok: z.boolean(),
  /** the address WeChat still refuses, when it named it */
  ip: z.string().nullable(),
  /** jobs (and the sync) that were waiting for the whitelist and carry on now */
  resumed: z.number(),
});
export type IpRecheck = z.infer<typeof ipRecheckSchema>;

export const wechatChannels = {
  /** Today's quotas of the calls the app makes, read from WeChat. */
  'wechat:quota': { input: z.strictObject({ accountId: accountIdInput }), output: quotaOverviewSchema },
  /** Looks whether WeChat accepts this computer's IP now; if so, what waited for it carries on. */
  'wechat:recheck': { input: z.strictObject({ accountId: accountIdInput }), output: ipRecheckSchema },
} as const;
