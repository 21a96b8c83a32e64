/** A group as WeChat lists it: a tag, or a 2014-style user group. */
export interface WxGroupInfo {
  id: number;
  name: string;
  count: number;
}

/**
 * One interface over WeChat's two ways of grouping followers. Tags (default, since 2016): a follower
 * may carry up to 20. Legacy groups (2014): a follower is in exactly one group. Membership calls take
 * at most `batchLimit` openids; callers chunk.
 */
export interface GroupBackend {
  readonly api: 'tags' | 'groups';
  readonly batchLimit: number;
  /** Most groups an account may have, when this side knows it (the server has the last word). */
  readonly maxGroups: number | null;
  /** Ids WeChat reserves (未分组 0, 黑名单 1, 星标组 2): never renamed or deleted. */
  readonly reservedIds: ReadonlySet<number>;
  list(): Promise<WxGroupInfo[]>;
  create(name: string): Promise<{ id: number; name: string }>;
  rename(id: number, name: string): Promise<void>;
  delete(id: number): Promise<void>;
  /** Put followers into a group (legacy: this moves them out of their current group). */
  add(openids: readonly string[], groupId: number): Promise<void>;
  /** Take followers out of a group (legacy: back to 未分组). */
  remove(openids: readonly string[], groupId: number): Promise<void>;
  /** The ids of the groups one follower is in. */
  groupsOf(openid: string): Promise<number[]>;
}

export const NAME_MAX_CHARS = 30;
export const TAG_MAX_FANS_TO_DELETE = 100_000;
