import type { JobService } from '../jobs/jobService';
import type { AccountSessions } from '../session/accountSessions';

/**
 * Every "close this account first" path (new settings, new secret, removal, demo reset) goes
 * through here: the account's jobs stop (the sync first, its writer thread letting go of
 * cache.sqlite: on Windows a folder with an open file cannot be removed), their work in flight
 * lands, then the database closes. Unfinished jobs carry on when the account opens again.
 */
export class AccountClosing {
  constructor(
    private readonly jobs: JobService,
    private readonly sessions: AccountSessions,
  ) {}

  async close(accountId: string): Promise<void> {
    await this.jobs.stopAccount(accountId);
    this.sessions.close(accountId);
  }

  /** Closed while `act` runs; then the account's jobs carry on, with whatever `act` changed. */
  async whileClosed<T>(accountId: string, act: () => Promise<T>): Promise<T> {
    await this.close(accountId);
    try {
      return await act();
    } finally {
      void this.jobs.resumeAccount(accountId);
    }
  }
}
