import { AppError } from '../appError';
import type { JobRecord } from '../store';

/** A request that does not fit the job's state: BAD_INPUT, shaped like the transport's issues. */
export function jobStateError(job: JobRecord, action: string, why?: string): AppError {
  const message = why ?? (action === 'undo' && job.undoneBy !== null ? 'already undone' : null);
  return new AppError('BAD_INPUT', {
    issues: [{ path: ['jobId'], message: message ?? `cannot ${action} a job that is ${job.status}` }],
    status: job.status,
  });
}
