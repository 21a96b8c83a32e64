import { z } from 'zod';
import { groupApiSchema } from './accounts';

/**
 * Follower shapes for `followers:query|get` and `groups:list`. The query is answered from the
 * account's offline cache (electron/core/store), so these describe cached rows, not raw WeChat
 * replies. Times: `subscribeTime` and the query's date range are unix seconds (WeChat's unit);
 * `firstSeen`, `lastSeen` and `lastSyncedAt` are milliseconds (the app's clock).
 */

/**
 * How long a 48001 on a remark is believed without asking WeChat again. An account's verification
 * can be completed or renewed: after this, the next remark goes to WeChat and finds out.
 */
export const REMARKS_RECHECK_MS = 6 * 60 * 60_000;

const groupId = z.int().min(0);
const unixSeconds = z.int().min(0);

export const followerGroupFilterSchema = z.strictObject({
  /**
   * any: in at least one of `ids`; all: in every one of `ids`; none: in none of `ids`.
   * `none` with no ids means "in no group at all" (ungrouped; for the legacy API, group 0 counts
   * as no group). `any`/`all` with no ids do not filter.
   */
  mode: z.enum(['any', 'all', 'none']),
  ids: z.array(groupId).max(100),
});
export type FollowerGroupFilter = z.infer<typeof followerGroupFilterSchema>;

export const followerSortSchema = z.strictObject({
  /** remark: empty remarks last in both directions; ties are broken by openid in the same direction. */
  by: z.enum(['subscribeTime', 'remark']),
  dir: z.enum(['asc', 'desc']),
});
export type FollowerSort = z.infer<typeof followerSortSchema>;

export const followerQuerySchema = z.strictObject({
  /** Remark or local note containing it (ASCII case-insensitive), or openid starting with it. */
  text: z.string().trim().max(100).optional(),
  groups: followerGroupFilterSchema.optional(),
  blacklisted: z.boolean().optional(),
  /** Defaults to true: followers who left are listed only when asked for (`false`). */
  subscribed: z.boolean().default(true),
  /** Inclusive range on subscribe time (unix seconds); followers without one never match a range. */
  subscribedFrom: unixSeconds.optional(),
  subscribedTo: unixSeconds.optional(),
  /** subscribe_scene values, e.g. 'ADD_SCENE_QR_CODE'; an empty list does not filter. */
  scenes: z.array(z.string().max(64)).max(50).optional(),
  /** The channel QR code (二维码参数) followers came through: qr_scene_str, or qr_scene's number. */
  qrScene: z.string().trim().min(1).max(64).optional(),
  sort: followerSortSchema.default({ by: 'subscribeTime', dir: 'desc' }),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});
/** A validated query, defaults filled in. */
export type FollowerQuery = z.infer<typeof followerQuerySchema>;
/** What a caller may send: every defaulted field optional. */
export type FollowerQueryInput = z.input<typeof followerQuerySchema>;

export const followerRowSchema = z.object({
  openid: z.string(),
  subscribed: z.boolean(),
  subscribeTime: z.number().nullable(),
  scene: z.string().nullable(),
  qrScene: z.number().nullable(),
  qrSceneStr: z.string().nullable(),
  remark: z.string(),
  language: z.string().nullable(),
  unionid: z.string().nullable(),
  /** Memberships in the account's group API (tags, or the one legacy group), ascending. */
  groupIds: z.array(z.number()),
  blacklisted: z.boolean(),
  /** Local note: stored only in the cache, never sent to WeChat. */
  note: z.string(),
  firstSeen: z.number(),
  lastSeen: z.number(),
});
export type FollowerRow = z.infer<typeof followerRowSchema>;

export const followerPageSchema = z.object({
  rows: z.array(followerRowSchema),
  /** How many followers match the query in all (not just this window). */
  total: z.number(),
  offset: z.number(),
  /** When the cache was last fully synced (ms), or null if never: the cache answers even offline. */
  lastSyncedAt: z.number().nullable(),
});
export type FollowerPage = z.infer<typeof followerPageSchema>;

export const groupSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  count: z.number(),
  api: groupApiSchema,
  /** Reserved ids 0/1/2: cannot be renamed or deleted. */
  system: z.boolean(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;
