import type { SyncStatus } from '#contract/dataChannels';
import { AppError } from '../appError';
import type { Logger } from '../ports';
import type { AccountSessions } from '../session/accountSessions';
import type { SettingsService } from '../settingsService';
import type { EventHub } from '../transport';
import { syncFollowers, type SyncProgress } from './followerSync';

interface Running {
  abort: AbortController;
  phase: SyncStatus['phase'];
  done: number;
  total: number;
  promise: Promise<void>;
}

/** One sync at a time per account, run in the background, reported through `sync:progress`. */
export class SyncService {
  private readonly running = new Map<string, Running>();
  private readonly lastError = new Map<string, SyncStatus['lastError']>();

  constructor(
    private readonly sessions: AccountSessions,
    private readonly settings: SettingsService,
    private readonly events: EventHub,
    private readonly log: Logger,
  ) {}

  async status(accountId: string): Promise<SyncStatus> {
    const s = await this.sessions.open(accountId);
    const run = this.running.get(accountId);
    return {
      accountId,
      running: run !== undefined,
      phase: run?.phase ?? 'idle',
      done: run?.done ?? 0,
      total: run?.total ?? 0,
      lastSyncedAt: s.db.syncState.lastSyncedAt(),
      resumable: s.db.syncState.get('sync.checkpoint') !== undefined,
      needsFullSync: s.recovered !== null && s.db.syncState.lastSyncedAt() === null,
      lastError: this.lastError.get(accountId) ?? null,
    };
  }

  /** Starts (or resumes) a sync unless one is running; answers at once with the status. */
  async start(accountId: string): Promise<SyncStatus> {
    if (!this.running.has(accountId)) {
      const s = await this.sessions.open(accountId);
      const run: Running = {
        abort: new AbortController(),
        phase: 'followers',
        done: 0,
        total: 0,
        promise: Promise.resolve(),
      };
      this.running.set(accountId, run);
      this.lastError.delete(accountId);
      const onProgress = (p: SyncProgress) => {
        Object.assign(run, { phase: p.phase, done: p.done, total: p.total });
        this.emitStatus(accountId);
      };
      run.promise = syncFollowers(s.db, s.client, s.backend, {
        concurrency: this.settings.get().syncConcurrency,
        onProgress,
        signal: run.abort.signal,
      })
        .then((summary) => this.log.info('sync finished', { accountId, ...summary }))
        .catch((err: unknown) => {
          if (run.abort.signal.aborted) return;
          const data =
            err instanceof AppError
              ? err.toData()
              : new AppError('INTERNAL', { message: 'sync failed' }).toData();
          this.lastError.set(accountId, data);
          this.log.warn('sync stopped', {
            accountId,
            code: data.code,
            ...(err instanceof AppError ? {} : { error: String(err) }),
          });
        })
        .finally(() => {
          this.running.delete(accountId);
          this.emitStatus(accountId);
          this.events.emit('data:changed', { accountId });
        });
    }
    return this.status(accountId);
  }

  /** Tells the renderer the account's sync status; nothing to tell once the services are closing. */
  private emitStatus(accountId: string): void {
    this.status(accountId).then(
      (st) => this.events.emit('sync:progress', st),
      () => undefined,
    );
  }

  /** At start-up: a sync the app was closed in the middle of carries on from its checkpoint. */
  async resumeInterrupted(accountIds: readonly string[]): Promise<void> {
    for (const accountId of accountIds) {
      try {
        const s = await this.sessions.open(accountId);
        if (s.db.syncState.get('sync.checkpoint') !== undefined) await this.start(accountId);
      } catch (err) {
        this.log.warn('sync not resumed', {
          accountId,
          ...(err instanceof AppError ? { code: err.code } : { error: String(err) }),
        });
      }
    }
  }

  /** Resolves when the account's current sync (if any) has ended. */
  async settled(accountId: string): Promise<void> {
    await this.running.get(accountId)?.promise;
  }

  /** Stops every sync between chunks; each resumes from its checkpoint next time. */
  async closeAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const r of runs) r.abort.abort();
    await Promise.all(runs.map((r) => r.promise));
  }
}
