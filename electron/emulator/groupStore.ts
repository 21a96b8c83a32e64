// Legacy user groups (分组) of one account. Membership lives in FollowerStore.groupId: every
// follower is in exactly one group, 0 (未分组) unless moved.

import { RESERVED_GROUP } from '#contract/reservedGroups';

export const RESERVED_GROUPS: readonly { id: number; name: string }[] = [
  { id: RESERVED_GROUP.ungrouped, name: '未分组' },
  { id: RESERVED_GROUP.blacklist, name: '黑名单' },
  { id: RESERVED_GROUP.starred, name: '星标组' },
];
export const FIRST_CUSTOM_GROUP_ID = 100;

export interface Group {
  id: number;
  name: string;
}

export class GroupStore {
  readonly groups = new Map<number, Group>(RESERVED_GROUPS.map((g) => [g.id, { ...g }]));
  nextId = FIRST_CUSTOM_GROUP_ID;

  get customCount(): number {
    return this.groups.size - RESERVED_GROUPS.length;
  }

  create(name: string): Group {
    const group = { id: this.nextId++, name };
    this.groups.set(group.id, group);
    return group;
  }

  isReserved(id: number): boolean {
    return id >= 0 && id < RESERVED_GROUPS.length;
  }

  findByName(name: string): Group | undefined {
    for (const g of this.groups.values()) if (g.name === name) return g;
    return undefined;
  }
}
