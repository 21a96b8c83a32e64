import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountRecord } from '../accounts/accountRecord';
import { AppError } from '../appError';
import type { AccountService } from '../accounts/accountService';
import type { ClientPool } from '../accounts/clientPool';
import type { GroupBackend } from '../groups/groupBackend';
import { LegacyGroupBackend } from '../groups/legacyGroupBackend';
import { TagBackend } from '../groups/tagBackend';
import type { Logger } from '../ports';
import { openAccountDb } from '../store';
import type { AccountDb } from '../store';
import type { WeChatClient } from '../wechat/client';

export interface AccountSession {
  account: AccountRecord;
  db: AccountDb;
  client: WeChatClient;
  backend: GroupBackend;
  /** Set when the cache file had to be moved aside on opening: a full sync is needed. */
  recovered: { reason: string; movedTo: string } | null;
}

/** Per account: its cache database (opened once), its client and its group backend. */
export class AccountSessions {
  private readonly dbs = new Map<string, { db: AccountDb; recovered: AccountSession['recovered'] }>();
  private closed = false;

  constructor(
    private readonly accounts: AccountService,
    private readonly clients: ClientPool,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  async open(accountId: string): Promise<AccountSession> {
    // After shutdown nothing may open a database again (a deferred warm-up, a late request).
    if (this.closed) throw new AppError('INTERNAL', { message: 'closing' });
    const account = this.accounts.get(accountId);
    let entry = this.dbs.get(accountId);
    if (!entry) {
      const dir = this.accounts.accountDir(accountId);
      // The cache's folder is the owner's alone (see store/privateFiles.ts).
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const opened = openAccountDb(join(dir, 'cache.sqlite'), { now: this.now });
      if (opened.recovered) this.log.warn('cache database moved aside', { accountId, ...opened.recovered });
      entry = { db: opened.db, recovered: opened.recovered };
      this.dbs.set(accountId, entry);
      // Load the in-memory query index now, so the user's first search does not wait for it.
      const db = opened.db;
      const api = account.groupApi;
      // In steps, each on its own turn: requests that arrive meanwhile are not held for all of it.
      const steps = db.followers.warmSteps(api);
      const next = () => {
        if (this.dbs.get(accountId)?.db !== db) return;
        if (!steps.next().done) setImmediate(next);
      };
      setImmediate(next);
    }
    const client = await this.clients.get(account);
    const backend = account.groupApi === 'groups' ? new LegacyGroupBackend(client) : new TagBackend(client);
    return { account, db: entry.db, client, backend, recovered: entry.recovered };
  }

  /** Closes an account's database (before its folder is deleted, or at shutdown). */
  close(accountId: string): void {
    this.dbs.get(accountId)?.db.close();
    this.dbs.delete(accountId);
  }

  closeAll(): void {
    this.closed = true;
    for (const id of [...this.dbs.keys()]) this.close(id);
  }
}
