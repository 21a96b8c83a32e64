import type { JobKind } from './jobs';

/** The fields of `jobs:start` besides accountId and kind. */
export type JobField = 'selection' | 'from' | 'to' | 'groupId';

/**
 * Which fields each kind takes (all of them required); any other field is BAD_INPUT. Kept apart
 * from the schemas so the renderer's bulk dialog can ask it without loading zod.
 */
export const jobKindFields: Readonly<Record<JobKind, readonly JobField[]>> = {
  move: ['selection', 'from', 'to'],
  add: ['selection', 'to'],
  remove: ['selection', 'from'],
  blacklist: ['selection'],
  unblacklist: ['selection'],
  deleteGroup: ['groupId'],
  sync: [],
};

export const jobFields: readonly JobField[] = ['selection', 'from', 'to', 'groupId'];

/** Whether a job of this kind takes that field. */
export function jobKindTakes(kind: JobKind, field: JobField): boolean {
  return jobKindFields[kind].includes(field);
}
