/**
 * The group ids WeChat reserves in both APIs (tags and the 2014 groups): never created, renamed or
 * deleted by an account. Kept apart from the schemas so the renderer's first screen can read them
 * without loading zod.
 */
export const RESERVED_GROUP = {
  /** 未分组: in the groups API, where followers in no group are. */
  ungrouped: 0,
  /** 黑名单: shown as the blacklist mark, never as a group. */
  blacklist: 1,
  /** 星标组: the one reserved id a tag membership may use. */
  starred: 2,
} as const;

export const RESERVED_GROUP_IDS: readonly number[] = Object.values(RESERVED_GROUP);
