/**
 * Followers this app changed in the cache itself (a job's chunk, a remark), numbered in order.
 * A sync running at the same time may have read such a follower from WeChat before the change
 * and would store the older state over it: it takes a mark when it starts and reads again
 * whoever changed after the mark.
 */
export class LocalChanges {
  private seq = 0;
  private readonly followers = new Map<string, number>();
  private blacklistSeq = 0;

  mark(): number {
    return this.seq;
  }

  note(openids: Iterable<string>, blacklist = false): void {
    this.seq++;
    for (const openid of openids) this.followers.set(openid, this.seq);
    if (blacklist) this.blacklistSeq = this.seq;
  }

  /** Followers changed after `mark`. */
  since(mark: number): string[] {
    return [...this.followers].filter(([, seq]) => seq > mark).map(([openid]) => openid);
  }

  blacklistSince(mark: number): boolean {
    return this.blacklistSeq > mark;
  }

  /** Nothing before `mark` matters once the sync that took it has ended. */
  forget(mark: number): void {
    for (const [openid, seq] of this.followers) if (seq <= mark) this.followers.delete(openid);
  }
}
