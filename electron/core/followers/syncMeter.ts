import { USER_BATCH_LIMIT } from '../wechat/api/users';

/** Ids per user/get page and per getblacklist page (wechat-api.md §4.1, §5). */
const ID_PAGE = 10_000;
const BLACKLIST_PAGE = 1_000;

function followerCalls(n: number): number {
  return Math.ceil(n / ID_PAGE) + Math.ceil(n / USER_BATCH_LIMIT);
}

/**
 * One percentage for a whole sync, which only moves forward. The follower pass and the blacklist
 * run side by side and the group list comes last; each weighs as many WeChat calls as it makes,
 * so a quick blacklist does not show 100 % before the followers start. Until the follower total
 * is known the meter stays at 0 (there is nothing to weigh the rest against).
 */
export class SyncMeter {
  private followers = { done: 0, total: 0 };
  private blacklist = { done: 0, total: 0 };
  private groupsDone = false;
  private shown = 0;

  followersAt(done: number, total: number): void {
    this.followers = { done, total: Math.max(total, done) };
  }

  blacklistAt(done: number, total: number): void {
    this.blacklist = { done, total: Math.max(total, done) };
  }

  groupsFetched(): void {
    this.groupsDone = true;
  }

  percent(): number {
    if (this.followers.total === 0 && !this.groupsDone) return this.shown;
    const total = followerCalls(this.followers.total) + Math.ceil(this.blacklist.total / BLACKLIST_PAGE) + 1;
    const done =
      followerCalls(this.followers.done) +
      Math.ceil(this.blacklist.done / BLACKLIST_PAGE) +
      (this.groupsDone ? 1 : 0);
    // 100 only once everything is in: rounding must not claim the end early.
    const now = this.groupsDone ? 100 : Math.min(99, Math.floor((done / total) * 100));
    this.shown = Math.max(this.shown, now);
    return this.shown;
  }
}
