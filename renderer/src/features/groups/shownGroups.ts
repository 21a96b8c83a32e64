import { RESERVED_GROUP } from '#contract/reservedGroups';

/**
 * The groups a follower's row and drawer show as chips. In the 2014 groups API, 0 (未分组) means
 * "in no group" and 1 (黑名单) is shown as the blacklist mark; neither is a tag-like group.
 * Tag ids start at 2, so the same rule fits both APIs.
 */
export function shownGroupIds(groupIds: readonly number[]): number[] {
  return groupIds.filter((id) => id !== RESERVED_GROUP.ungrouped && id !== RESERVED_GROUP.blacklist);
}
