import {
  batchTag,
  batchUntag,
  createTag,
  deleteTag,
  getTags,
  getTagsOfUser,
  TAG_BATCH_LIMIT,
  updateTag,
} from '../wechat/api/tags';
import type { WeChatClient } from '../wechat/client';
import type { GroupBackend, WxGroupInfo } from './groupBackend';
import { RESERVED_GROUP_IDS } from '#contract/reservedGroups';

/** Groups as WeChat's tags (cgi-bin/tags/*): the default. */
export class TagBackend implements GroupBackend {
  readonly api = 'tags';
  readonly batchLimit = TAG_BATCH_LIMIT;
  readonly maxGroups = 100;
  readonly reservedIds: ReadonlySet<number> = new Set(RESERVED_GROUP_IDS);

  constructor(private readonly client: WeChatClient) {}

  list(): Promise<WxGroupInfo[]> {
    return getTags(this.client);
  }
  create(name: string) {
    return createTag(this.client, name);
  }
  rename(id: number, name: string) {
    return updateTag(this.client, id, name);
  }
  delete(id: number) {
    return deleteTag(this.client, id);
  }
  add(openids: readonly string[], groupId: number) {
    return batchTag(this.client, groupId, openids);
  }
  remove(openids: readonly string[], groupId: number) {
    return batchUntag(this.client, groupId, openids);
  }
  groupsOf(openid: string) {
    return getTagsOfUser(this.client, openid);
  }
}
