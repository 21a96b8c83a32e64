import { z } from 'zod';
import { accountIdInput } from './accounts';
import { followerPageSchema, followerQuerySchema, followerRowSchema, groupSummarySchema } from './followers';
import { appErrorDataSchema } from './result';

const openidInput = z.string().min(1).max(64);
const groupNameInput = z.string().max(200);
const groupIdInput = z
  .int()
  .min(0)
  .max(2 ** 31);

export const syncPhaseSchema = z.enum(['idle', 'followers', 'blacklist', 'groups', 'done']);

/** What came back after a damaged cache was replaced: told to the owner until they dismiss it. */
export const cacheRecoverySchema = z.object({
  reason: z.enum(['corrupt', 'newer-version']),
  at: z.number(),
  /** Local notes put back (from the note backup and whatever the damaged file still gave). */
  notes: z.number(),
  /** Jobs read back from the damaged file, each with all its items (undo still works). */
  jobs: z.number(),
  /** False when part of the damaged file could not be read: something may be missing. */
  complete: z.boolean(),
});
export type CacheRecovery = z.infer<typeof cacheRecoverySchema>;

export const syncStatusSchema = z.object({
  accountId: z.string(),
  running: z.boolean(),
  phase: syncPhaseSchema,
  done: z.number(),
  total: z.number(),
  /** The whole run in percent (phases weighted by their WeChat calls); never goes back within a run. */
  percent: z.number(),
  lastSyncedAt: z.number().nullable(),
  /** A checkpoint from an interrupted sync exists: the next start resumes it. */
  resumable: z.boolean(),
  /** The cache had to be rebuilt (it was damaged or from a newer version): a full sync is needed. */
  needsFullSync: z.boolean(),
  /** The cache was rebuilt after damage: what was recovered (null once the owner dismissed it). */
  recovery: cacheRecoverySchema.nullable(),
  lastError: appErrorDataSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const groupListSchema = z.object({
  groups: z.array(groupSummarySchema),
  lastSyncedAt: z.number().nullable(),
  /** Followers in no group at all (for the groups sidebar's "no group"). */
  ungrouped: z.number(),
  blacklisted: z.number(),
});

export const netStateSchema = z.object({
  accountId: z.string(),
  /** True until a call has failed to reach WeChat. */
  online: z.boolean(),
  /** When the state last changed, or null when nothing has been tried yet. */
  since: z.number().nullable(),
  reason: z.string().optional(),
});

/** Groups, followers and sync: answered from the account's offline cache, refreshed from WeChat. */
export const dataChannels = {
  'groups:list': { input: z.strictObject({ accountId: accountIdInput }), output: groupListSchema },
  'groups:create': {
    input: z.strictObject({ accountId: accountIdInput, name: groupNameInput }),
    output: groupSummarySchema,
  },
  'groups:rename': {
    input: z.strictObject({ accountId: accountIdInput, id: groupIdInput, name: groupNameInput }),
    output: groupSummarySchema,
  },
  'groups:delete': {
    input: z.strictObject({ accountId: accountIdInput, id: groupIdInput }),
    output: z.object({ id: z.number() }),
  },
  'followers:query': {
    input: z.strictObject({ accountId: accountIdInput, query: followerQuerySchema }),
    output: followerPageSchema,
  },
  'followers:get': {
    input: z.strictObject({ accountId: accountIdInput, openid: openidInput }),
    output: followerRowSchema,
  },
  'followers:setRemark': {
    input: z.strictObject({
      accountId: accountIdInput,
      openid: openidInput,
      remark: z.string().max(200),
      /**
       * The owner asks to try although WeChat refused remarks for this account before (48001): it
       * is sent to WeChat instead of being refused from what the app learned then.
       */
      recheck: z.boolean().optional(),
    }),
    output: followerRowSchema,
  },
  'followers:setNote': {
    input: z.strictObject({ accountId: accountIdInput, openid: openidInput, note: z.string().max(2000) }),
    output: followerRowSchema,
  },
  'sync:start': { input: z.strictObject({ accountId: accountIdInput }), output: syncStatusSchema },
  'sync:status': { input: z.strictObject({ accountId: accountIdInput }), output: syncStatusSchema },
  /** The owner has read the recovery notice: it is not shown again. */
  'sync:dismissRecovery': { input: z.strictObject({ accountId: accountIdInput }), output: syncStatusSchema },
  /** Whether WeChat answered the account's last call (changes also arrive as `net:status`). */
  'net:get': { input: z.strictObject({ accountId: accountIdInput }), output: netStateSchema },
  /** Looks now whether WeChat answers (重新连接): the same cheap probe the app runs by itself. */
  'net:check': { input: z.strictObject({ accountId: accountIdInput }), output: netStateSchema },
} as const;
