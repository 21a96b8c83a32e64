import {
  createGroup,
  deleteGroup,
  getGroupOfUser,
  getGroups,
  moveUsersToGroup,
  updateGroup,
} from '../wechat/api/legacyGroups';
import type { WeChatClient } from '../wechat/client';
import type { GroupBackend, WxGroupInfo } from './groupBackend';
import { RESERVED_GROUP, RESERVED_GROUP_IDS } from '#contract/reservedGroups';

/** Groups through the 2014 user-groups API (cgi-bin/groups/*): one group per follower. */
export class LegacyGroupBackend implements GroupBackend {
  readonly api = 'groups';
  readonly batchLimit = 50;
  // Docs disagree (500 in 2014, 100 later): let the server decide and map its 45018.
  readonly maxGroups = null;
  readonly reservedIds: ReadonlySet<number> = new Set(RESERVED_GROUP_IDS);

  constructor(private readonly client: WeChatClient) {}

  list(): Promise<WxGroupInfo[]> {
    return getGroups(this.client);
  }
  create(name: string) {
    return createGroup(this.client, name);
  }
  rename(id: number, name: string) {
    return updateGroup(this.client, id, name);
  }
  delete(id: number) {
    return deleteGroup(this.client, id);
  }
  add(openids: readonly string[], groupId: number) {
    return moveUsersToGroup(this.client, openids, groupId);
  }
  remove(openids: readonly string[]) {
    return moveUsersToGroup(this.client, openids, RESERVED_GROUP.ungrouped);
  }
  async groupsOf(openid: string) {
    return [await getGroupOfUser(this.client, openid)];
  }
}
