import { z } from 'zod';
import { accountIdInput } from './accounts';
import { errorCodeSchema } from './errors';
import { followerQuerySchema } from './followers';
import { jobFields, jobKindFields } from './jobKindFields';
import { appErrorDataSchema } from './result';

/**
 * Bulk jobs: a move of 8 000 followers is a durable job in the account's database, run in chunks
 * at the API's limit, paused and resumed by itself (quota, rate, network), and undoable.
 */

/** Most openids one `jobs:start` may name; a query selection has no such limit. */
export const JOB_MAX_OPENIDS = 100_000;
export const JOB_FAILURES_MAX_LIMIT = 500;

/** `sync` is the account's follower sync: it has no items; its counts are followers fetched. */
export const jobKindSchema = z.enum([
  'move',
  'add',
  'remove',
  'blacklist',
  'unblacklist',
  'deleteGroup',
  'sync',
]);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(['queued', 'running', 'paused', 'done', 'cancelled', 'failed']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/**
 * user: jobs:pause; offline: no host answered; quota: 45009 (daily); rate: 45011 (per minute);
 * ip: 40164, WeChat refuses this computer's IP (not in the account's IP whitelist);
 * server: WeChat answered with server errors (HTTP 5xx, "system busy") through every retry.
 */
export const jobPauseReasonSchema = z.enum(['user', 'offline', 'quota', 'rate', 'ip', 'server']);
export type JobPauseReason = z.infer<typeof jobPauseReasonSchema>;

const openidInput = z.string().min(1).max(64);
const groupIdInput = z
  .int()
  .min(0)
  .max(2 ** 31);
const jobIdInput = z.string().min(1).max(64);

/** A follower query without its window: the job takes every follower it matches at start time. */
export const jobSelectionQuerySchema = followerQuerySchema.omit({ offset: true, limit: true });

export const jobSelectionSchema = z.union([
  z.strictObject({ openids: z.array(openidInput).min(1).max(JOB_MAX_OPENIDS) }),
  z.strictObject({
    query: jobSelectionQuerySchema,
    /** Followers the query matches whom the user unticked ("all 3 214 matching, minus these"). */
    except: z.array(openidInput).max(JOB_MAX_OPENIDS).optional(),
  }),
]);
export type JobSelection = z.infer<typeof jobSelectionSchema>;
/** What a caller sends as a selection (the query's defaulted fields optional). */
export type JobSelectionInput = z.input<typeof jobSelectionSchema>;
export type JobSelectionQueryInput = z.input<typeof jobSelectionQuerySchema>;

export { jobKindFields, jobKindTakes, type JobField } from './jobKindFields';

export const jobStartInputSchema = z
  .strictObject({
    accountId: accountIdInput,
    kind: jobKindSchema,
    selection: jobSelectionSchema.optional(),
    /** move, remove: the group followers leave. */
    from: groupIdInput.optional(),
    /** move, add: the group followers join. */
    to: groupIdInput.optional(),
    /** deleteGroup: the group to empty and delete. */
    groupId: groupIdInput.optional(),
  })
  .superRefine((input, ctx) => {
    const wanted = jobKindFields[input.kind];
    for (const field of jobFields) {
      const given = input[field] !== undefined;
      if (wanted.includes(field) && !given)
        ctx.addIssue({ code: 'custom', path: [field], message: `${input.kind} needs ${field}` });
      if (!wanted.includes(field) && given)
        ctx.addIssue({ code: 'custom', path: [field], message: `${input.kind} takes no ${field}` });
    }
    if (input.kind === 'move' && input.from !== undefined && input.from === input.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'move needs two different groups' });
  });
export type JobStartInput = z.infer<typeof jobStartInputSchema>;

/** The groups' names when the job was made, by the param that names them. */
export const jobGroupNamesSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  groupId: z.string().optional(),
});

export const jobParamsSchema = z.object({
  from: z.number().optional(),
  to: z.number().optional(),
  groupId: z.number().optional(),
  /**
   * A job keeps the names it was made with: after the group is deleted, renamed, or its id is
   * given to a new group, the job still says what it did. Absent on jobs made before names were kept.
   */
  names: jobGroupNamesSchema.optional(),
});
export type JobParams = z.infer<typeof jobParamsSchema>;

/**
 * Why a job cannot be undone (or redone) although it could otherwise: a group it names is gone
 * (groupGone), or its id now carries another name (groupChanged: renamed, or a new group).
 */
export const jobUndoBlockSchema = z.object({
  reason: z.enum(['groupGone', 'groupChanged']),
  /** The name the job was made with. */
  name: z.string(),
  /** groupChanged: the name that id has now. */
  now: z.string().optional(),
});
export type JobUndoBlock = z.infer<typeof jobUndoBlockSchema>;

export const jobSummarySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  pauseReason: jobPauseReasonSchema.nullable(),
  /** When a paused job tries again by itself (ms), or null. */
  resumeAt: z.number().nullable(),
  params: jobParamsSchema,
  /** Items: followers selected (deleteGroup: members untagged first; sync: followers to fetch). */
  total: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  /** Already in the target state at start, or left undone by a cancel. */
  skipped: z.number(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** This job undoes that one. */
  undoOf: z.string().nullable(),
  /** That job undid this one. */
  undoneBy: z.string().nullable(),
  canUndo: z.boolean(),
  /** Set when undo is refused only because a group the job names has changed since. */
  undoBlocked: jobUndoBlockSchema.nullable(),
  lastError: appErrorDataSchema.nullable(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobFailureSchema = z.object({
  openid: z.string(),
  code: errorCodeSchema,
  errcode: z.number().optional(),
  /** The follower's remark in the cache, to recognise them by. */
  remark: z.string().optional(),
});
export type JobFailure = z.infer<typeof jobFailureSchema>;

const jobRef = z.strictObject({ accountId: accountIdInput, jobId: jobIdInput });

export const jobChannels = {
  /**
   * Creates the job (items resolved now) and queues it; answers at once. `sync` starts the
   * account's sync, or answers with the one already under way.
   */
  'jobs:start': { input: jobStartInputSchema, output: jobSummarySchema },
  'jobs:pause': { input: jobRef, output: jobSummarySchema },
  'jobs:resume': { input: jobRef, output: jobSummarySchema },
  /** Stops after the chunks in flight; what is left is skipped. */
  'jobs:cancel': { input: jobRef, output: jobSummarySchema },
  /** Starts the inverse of a done or cancelled job; answers with the new job. */
  'jobs:undo': { input: jobRef, output: jobSummarySchema },
  /**
   * Starts a job of the same kind for the followers that failed in this one (a group delete starts
   * again); answers with the new job. The failures stay in the core: 40 000 never travel.
   */
  'jobs:retryFailed': { input: jobRef, output: jobSummarySchema },
  'jobs:get': { input: jobRef, output: jobSummarySchema },
  /** The account's jobs, newest first. */
  'jobs:list': {
    input: z.strictObject({ accountId: accountIdInput }),
    output: z.object({ jobs: z.array(jobSummarySchema) }),
  },
  'jobs:failures': {
    input: z.strictObject({
      accountId: accountIdInput,
      jobId: jobIdInput,
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(JOB_FAILURES_MAX_LIMIT).default(100),
    }),
    output: z.object({ failures: z.array(jobFailureSchema), total: z.number() }),
  },
} as const;
