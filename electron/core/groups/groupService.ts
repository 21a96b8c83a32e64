import type { GroupSummary } from '#contract/followers';
import { AppError } from '../appError';
import type { AccountSession, AccountSessions } from '../session/accountSessions';
import type { EventHub } from '../transport';
import { TAG_MAX_FANS_TO_DELETE } from './groupBackend';
import { checkGroupName, checkNotReserved } from './nameRules';

/**
 * Groups for the renderer: the list answers from the cache at once and is refreshed from WeChat in
 * the background; every change is validated here first, then made on WeChat, then the list is read
 * back so the cached counts are the server's.
 */
export class GroupService {
  private readonly refreshing = new Map<string, Promise<void>>();

  constructor(
    private readonly sessions: AccountSessions,
    private readonly events: EventHub,
  ) {}

  async list(accountId: string) {
    const s = await this.sessions.open(accountId);
    void this.refresh(s).catch(() => undefined);
    return this.fromCache(s);
  }

  async create(accountId: string, rawName: string): Promise<GroupSummary> {
    const s = await this.sessions.open(accountId);
    const existing = s.db.groups.list(s.backend.api);
    const name = checkGroupName(s.backend, rawName, existing);
    const custom = existing.filter((g) => !g.system).length;
    if (s.backend.maxGroups !== null && custom >= s.backend.maxGroups) {
      throw new AppError('TAG_LIMIT', { max: s.backend.maxGroups });
    }
    const created = await s.backend.create(name);
    s.db.groups.upsert(s.backend.api, { id: created.id, name: created.name, count: 0 });
    await this.refreshQuietly(s);
    return this.summary(s, created.id);
  }

  async rename(accountId: string, id: number, rawName: string): Promise<GroupSummary> {
    const s = await this.sessions.open(accountId);
    checkNotReserved(s.backend, id);
    const existing = s.db.groups.list(s.backend.api);
    this.requireKnown(s, id);
    const name = checkGroupName(s.backend, rawName, existing, id);
    await s.backend.rename(id, name);
    s.db.groups.rename(s.backend.api, id, name);
    this.changed(s);
    return this.summary(s, id);
  }

  async delete(accountId: string, id: number): Promise<{ id: number }> {
    const s = await this.sessions.open(accountId);
    checkNotReserved(s.backend, id);
    const group = this.requireKnown(s, id);
    if (s.backend.api === 'tags' && group.count > TAG_MAX_FANS_TO_DELETE) {
      throw new AppError('TAG_TOO_MANY_FANS', { count: group.count, max: TAG_MAX_FANS_TO_DELETE });
    }
    await s.backend.delete(id);
    s.db.groups.remove(s.backend.api, id);
    await this.refreshQuietly(s);
    return { id };
  }

  private requireKnown(s: AccountSession, id: number): GroupSummary {
    const group = s.db.groups.list(s.backend.api).find((g) => g.id === id);
    if (!group) throw new AppError('NOT_FOUND', { what: 'group', id });
    return group;
  }

  private summary(s: AccountSession, id: number): GroupSummary {
    return this.requireKnown(s, id);
  }

  private fromCache(s: AccountSession) {
    const api = s.backend.api;
    const count = (query: Parameters<typeof s.db.followers.query>[0]) =>
      s.db.followers.query(query, api).total;
    const base = {
      subscribed: true,
      sort: { by: 'subscribeTime', dir: 'desc' },
      offset: 0,
      limit: 1,
    } as const;
    return {
      groups: s.db.groups.list(api),
      lastSyncedAt: s.db.syncState.lastSyncedAt(),
      ungrouped: count({ ...base, groups: { mode: 'none', ids: [] } }),
      blacklisted: count({ ...base, blacklisted: true }),
    };
  }

  /** Reads the list back from WeChat (deduplicated per account) and tells the renderer if it changed. */
  private refresh(s: AccountSession): Promise<void> {
    let running = this.refreshing.get(s.account.id);
    if (!running) {
      running = (async () => {
        const before = JSON.stringify(s.db.groups.list(s.backend.api));
        const groups = await s.backend.list();
        s.db.groups.replaceAll(s.backend.api, groups);
        if (JSON.stringify(s.db.groups.list(s.backend.api)) !== before) this.changed(s);
      })().finally(() => this.refreshing.delete(s.account.id));
      this.refreshing.set(s.account.id, running);
    }
    return running;
  }

  /** After a change the server's counts are wanted, but the change itself already succeeded. */
  private async refreshQuietly(s: AccountSession): Promise<void> {
    await this.refresh(s).catch(() => undefined);
    this.changed(s);
  }

  private changed(s: AccountSession): void {
    this.events.emit('data:changed', { accountId: s.account.id });
  }
}
