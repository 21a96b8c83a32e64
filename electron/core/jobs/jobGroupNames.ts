import type { GroupSummary } from '#contract/followers';
import type { JobParams, JobUndoBlock } from '#contract/jobs';

type NamedParam = 'from' | 'to' | 'groupId';
const NAMED: readonly NamedParam[] = ['from', 'to', 'groupId'];

/** The names the groups in `params` have now, to keep on the job as it is made. */
export function groupNamesNow(params: JobParams, groups: readonly GroupSummary[]): JobParams['names'] {
  const byId = new Map(groups.map((g) => [g.id, g.name]));
  const names: NonNullable<JobParams['names']> = {};
  for (const key of NAMED) {
    const id = params[key];
    const name = id === undefined ? undefined : byId.get(id);
    if (name !== undefined) names[key] = name;
  }
  return names;
}

/**
 * Whether undoing (or redoing) a job would act on a group other than the one it was made with:
 * the group is gone from the account, or its id now carries another name (WeChat gave the id to a
 * new tag, or the tag was renamed since — either way the owner should decide, not the undo).
 * Jobs made before names were kept have nothing to compare, nor has a cache without groups: null.
 */
export function undoBlock(params: JobParams, groups: readonly GroupSummary[]): JobUndoBlock | null {
  const kept = params.names;
  // No groups at all in the cache (rebuilt, not synced yet): it cannot tell; WeChat always lists
  // at least 星标组 (and the legacy API its three system groups).
  if (!kept || groups.length === 0) return null;
  const byId = new Map(groups.map((g) => [g.id, g.name]));
  for (const key of NAMED) {
    const id = params[key];
    const name = kept[key];
    if (id === undefined || name === undefined) continue;
    const now = byId.get(id);
    if (now === undefined) return { reason: 'groupGone', name };
    if (now !== name) return { reason: 'groupChanged', name, now };
  }
  return null;
}
