import { z } from 'zod';
import type { GroupApi } from '#contract/accounts';
import type { JobKind, JobParams } from '#contract/jobs';
import { BLACKLIST_BATCH_LIMIT } from '../wechat/api/blacklist';
import { TAG_BATCH_LIMIT } from '../wechat/api/tags';
import { RESERVED_GROUP } from '#contract/reservedGroups';

/**
 * What a job does to one follower. Most jobs do the same to everyone (derived from the job's kind
 * and params); an undo job restores each follower's own before-state, so its items carry their
 * own op. Items with the same op can share a WeChat call.
 */
export const itemOpSchema = z.discriminatedUnion('kind', [
  /** Tags API: tag with every id of `add`, then untag every id of `remove`. */
  z.object({ kind: z.literal('tags'), add: z.array(z.number()), remove: z.array(z.number()) }),
  /** Legacy groups API: put into group `to`; with `from`, only followers now in `from`. */
  z.object({ kind: z.literal('group'), to: z.number(), from: z.number().optional() }),
  z.object({ kind: z.literal('blacklist'), on: z.boolean() }),
]);
export type ItemOp = z.infer<typeof itemOpSchema>;

/** A follower's relevant state when the job was planned, read from the cache. */
export const beforeStateSchema = z.object({
  /** Memberships in the job's API (legacy: one group, [] or [0] for 未分组). */
  groups: z.array(z.number()),
  blacklisted: z.boolean(),
});
export type BeforeState = z.infer<typeof beforeStateSchema>;

/** 未分组 in the legacy API: where "remove from a group" puts followers. */
export const UNGROUPED = RESERVED_GROUP.ungrouped;

/** The op every item of a job shares, or null when the job has no items (legacy deleteGroup, sync). */
export function jobOp(kind: JobKind, api: GroupApi, params: JobParams): ItemOp | null {
  const from = params.from ?? UNGROUPED;
  const to = params.to ?? UNGROUPED;
  switch (kind) {
    case 'blacklist':
    case 'unblacklist':
      return { kind: 'blacklist', on: kind === 'blacklist' };
    case 'deleteGroup':
      // Tags: untag every member first (tags/delete refuses > 100 000 fans). Legacy: members fall
      // back to 未分组 when the group goes, so there is nothing to do per follower.
      return api === 'tags' ? { kind: 'tags', add: [], remove: [params.groupId ?? 0] } : null;
    case 'sync':
      return null;
    default:
      break;
  }
  if (api === 'groups') {
    // One group per follower: a move and an add are both batchupdate into `to`.
    return kind === 'remove' ? { kind: 'group', to: UNGROUPED, from } : { kind: 'group', to };
  }
  return {
    kind: 'tags',
    add: kind === 'remove' ? [] : [to],
    remove: kind === 'add' ? [] : [from],
  };
}

/** The legacy group a follower is in (no membership row means 未分组). */
export function legacyGroupOf(before: BeforeState): number {
  return before.groups.find((id) => id !== UNGROUPED) ?? UNGROUPED;
}

/** Whether applying `op` would change this follower at all (if not, the item is skipped). */
export function changes(op: ItemOp, before: BeforeState): boolean {
  switch (op.kind) {
    case 'tags':
      return (
        op.add.some((id) => !before.groups.includes(id)) || op.remove.some((id) => before.groups.includes(id))
      );
    case 'group': {
      const current = legacyGroupOf(before);
      return current !== op.to && (op.from === undefined || current === op.from);
    }
    case 'blacklist':
      return before.blacklisted !== op.on;
  }
}

/**
 * The op that puts a follower back as `before` after `op` was applied, or null when `op` changed
 * nothing that needs restoring. Only what `op` touched is restored: a follower who had both tags
 * before a move A→B gets A back and keeps B; one who had only A gets A back and loses B.
 */
export function inverseOp(op: ItemOp, before: BeforeState): ItemOp | null {
  switch (op.kind) {
    case 'tags': {
      const add = op.remove.filter((id) => before.groups.includes(id));
      const remove = op.add.filter((id) => !before.groups.includes(id));
      return add.length + remove.length > 0 ? { kind: 'tags', add, remove } : null;
    }
    case 'group': {
      const was = legacyGroupOf(before);
      return was !== op.to ? { kind: 'group', to: was } : null;
    }
    case 'blacklist':
      return before.blacklisted !== op.on ? { kind: 'blacklist', on: before.blacklisted } : null;
  }
}

/**
 * For a follower the cache does not know: the state the job's intent implies (a move from A
 * means they were in A), so an undo can still put them back.
 */
export function assumedBefore(op: ItemOp): BeforeState {
  switch (op.kind) {
    case 'tags':
      return { groups: [...op.remove], blacklisted: false };
    case 'group':
      return { groups: [op.from ?? UNGROUPED], blacklisted: false };
    case 'blacklist':
      return { groups: [], blacklisted: !op.on };
  }
}

/** The kind and params an undo job shows: the inverse of the job it undoes. */
export function inverseKind(kind: JobKind, params: JobParams): { kind: JobKind; params: JobParams } {
  const n = params.names;
  switch (kind) {
    // The names travel with the ids, so an undo says what it puts back even after a rename.
    case 'move':
      return {
        kind: 'move',
        params: withDefined({ from: params.to, to: params.from }, { from: n?.to, to: n?.from }),
      };
    case 'add':
      return { kind: 'remove', params: withDefined({ from: params.to }, { from: n?.to }) };
    case 'remove':
      return { kind: 'add', params: withDefined({ to: params.from }, { to: n?.from }) };
    case 'blacklist':
      return { kind: 'unblacklist', params: {} };
    case 'unblacklist':
      return { kind: 'blacklist', params: {} };
    case 'deleteGroup':
      throw new Error('a deleted group cannot be undone');
    case 'sync':
      throw new Error('a sync has nothing to undo');
  }
}

/**
 * The ops of several steps as one (the parts of a tags op that WeChat accepted for a follower).
 * Only tags ops have more than one step; for the others the single part is the op itself.
 */
export function mergeOps(parts: readonly ItemOp[]): ItemOp | null {
  const [first] = parts;
  if (!first) return null;
  if (first.kind !== 'tags') return first;
  const add = new Set<number>();
  const remove = new Set<number>();
  for (const part of parts) {
    if (part.kind !== 'tags') continue;
    for (const id of part.add) add.add(id);
    for (const id of part.remove) remove.add(id);
  }
  return { kind: 'tags', add: [...add], remove: [...remove] };
}

/** Most openids one WeChat call of this op may carry (legacy batchupdate: 50, like tags). */
export function batchLimit(op: ItemOp): number {
  return op.kind === 'blacklist' ? BLACKLIST_BATCH_LIMIT : TAG_BATCH_LIMIT;
}

function withDefined(
  params: Omit<JobParams, 'names'>,
  names: Partial<Record<'from' | 'to', string | undefined>> | undefined = undefined,
): JobParams {
  const out: JobParams = {};
  if (params.from !== undefined) out.from = params.from;
  if (params.to !== undefined) out.to = params.to;
  if (params.groupId !== undefined) out.groupId = params.groupId;
  if (names && (names.from !== undefined || names.to !== undefined)) {
    out.names = {};
    if (names.from !== undefined) out.names.from = names.from;
    if (names.to !== undefined) out.names.to = names.to;
  }
  return out;
}
