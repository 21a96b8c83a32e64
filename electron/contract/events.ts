import { z } from 'zod';
import { syncStatusSchema } from './dataChannels';
import { jobSummarySchema } from './jobs';
import { updateStateSchema } from './updates';

/**
 * Everything the core pushes to the renderer without being asked (progress, sync, online state).
 * Like channels, adding an event here is the whole change: hosts forward every event in this record.
 */
export const events = {
  /** The account list or the default account changed; the renderer refetches `accounts:list`. */
  'accounts:changed': z.object({}),
  /** Whether WeChat is reachable for an account, and since when. */
  'net:status': z.object({
    accountId: z.string(),
    online: z.boolean(),
    reason: z.string().optional(),
    since: z.number(),
  }),
  /** A sync's progress: phase and counts ("已同步 3,000 / 23,000"). */
  'sync:progress': syncStatusSchema,
  /** An account's groups or followers changed in the cache (after a sync, an edit or a job chunk). */
  'data:changed': z.object({ accountId: z.string() }),
  /** A bulk job's counts and status: at most ~10 a second per job, always on a status change. */
  'job:progress': jobSummarySchema,
  /** The app's self-update moved on (checking, download progress, ready, error). */
  'updates:state': updateStateSchema,
} as const satisfies Record<`${string}:${string}`, z.ZodType>;

type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
/** One event as it travels from the core to a host: name and validated payload. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
