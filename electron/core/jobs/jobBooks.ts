import { AppError } from '../appError';
import { sharedByKey } from '../concurrency';
import type { AccountSession, AccountSessions } from '../session/accountSessions';
import type { JobEvent } from './jobLifecycle';
import { JobStore, type JobRecord } from '../store';

/** An account's open session and its job history, shared by every executor of that account. */
export interface JobBook {
  session: AccountSession;
  store: JobStore;
}

/** What the jobs' owner hears from every account's book, whatever executor wrote it. */
export interface JobBookListener {
  /** A job moved through its lifecycle (written by JobStore.apply). */
  applied(accountId: string, job: JobRecord, event: JobEvent): void;
  /** A job's counts moved (throttled by the listener). */
  progressed(accountId: string, jobId: string): void;
}

/**
 * Opens each account's job history once (on its session) and tells one listener about every
 * change of every job in it: the executors write, the job service reacts (events out, automatic
 * resumption), and neither needs to reach the other.
 */
export class JobBooks {
  private readonly opening = new Map<string, Promise<JobBook>>();
  private readonly books = new Map<string, JobBook>();
  private listener: JobBookListener | null = null;
  private closed = false;

  constructor(private readonly sessions: AccountSessions) {}

  listen(listener: JobBookListener): void {
    this.listener = listener;
  }

  open(accountId: string): Promise<JobBook> {
    return sharedByKey(this.opening, accountId, async () => {
      if (this.closed) throw new AppError('INTERNAL', { message: 'services are closing' });
      const session = await this.sessions.open(accountId);
      const store = new JobStore(session.db, (job, event) => this.listener?.applied(accountId, job, event));
      const opened = { session, store };
      this.books.set(accountId, opened);
      return opened;
    });
  }

  /** The account's book if it is open now (for the synchronous event emitters). */
  opened(accountId: string): JobBook | undefined {
    return this.books.get(accountId);
  }

  progressed(accountId: string, jobId: string): void {
    this.listener?.progressed(accountId, jobId);
  }

  /** The account's database is about to close: the next open reads it again. */
  forget(accountId: string): void {
    this.opening.delete(accountId);
    this.books.delete(accountId);
  }

  close(): void {
    this.closed = true;
  }
}
