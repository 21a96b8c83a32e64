import type { AccountDb } from '../store';
import { blacklistUsers, unblacklistUsers } from '../wechat/api/blacklist';
import { moveUsersToGroup } from '../wechat/api/legacyGroups';
import { batchTag, batchUntag } from '../wechat/api/tags';
import type { WeChatClient } from '../wechat/client';
import type { ItemOp } from './itemOp';

/** One WeChat batch call of an op, and how the cache follows once WeChat accepted it. */
export interface OpStep {
  readonly name: string;
  /** What this step alone does to a follower (for an item that did not get every step). */
  readonly part: ItemOp;
  call(client: WeChatClient, openids: readonly string[]): Promise<void>;
  record(db: AccountDb, openids: readonly string[]): void;
}

/**
 * The calls that apply an op, in order. A tags move tags first and untags second, so a follower
 * caught between the two is in both groups (visible, harmless), never in neither.
 */
export function stepsOf(op: ItemOp): OpStep[] {
  switch (op.kind) {
    case 'tags':
      return [
        ...op.add.map((id): OpStep => ({
          name: `batchtagging ${id}`,
          part: { kind: 'tags', add: [id], remove: [] },
          call: (client, openids) => batchTag(client, id, openids),
          record: (db, openids) => void db.followers.addToGroup(openids, 'tags', id),
        })),
        ...op.remove.map((id): OpStep => ({
          name: `batchuntagging ${id}`,
          part: { kind: 'tags', add: [], remove: [id] },
          call: (client, openids) => batchUntag(client, id, openids),
          record: (db, openids) => void db.followers.removeFromGroup(openids, 'tags', id),
        })),
      ];
    case 'group':
      return [
        {
          name: `batchupdate ${op.to}`,
          part: op,
          call: (client, openids) => moveUsersToGroup(client, openids, op.to),
          record: (db, openids) => void db.followers.moveToGroup(openids, 'groups', op.to),
        },
      ];
    case 'blacklist':
      return [
        {
          name: op.on ? 'batchblacklist' : 'batchunblacklist',
          part: op,
          call: (client, openids) => (op.on ? blacklistUsers : unblacklistUsers)(client, openids),
          record: (db, openids) => void db.followers.setBlacklisted(openids, op.on),
        },
      ];
  }
}
