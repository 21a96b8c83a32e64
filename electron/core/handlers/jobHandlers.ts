import type { JobService } from '../jobs/jobService';
import type { HandlerSlice } from './handlerSlice';

export function jobHandlers(jobs: JobService): HandlerSlice<'jobs'> {
  return {
    'jobs:start': (input) => jobs.start(input),
    'jobs:pause': ({ accountId, jobId }) => jobs.pause(accountId, jobId),
    'jobs:resume': ({ accountId, jobId }) => jobs.resume(accountId, jobId),
    'jobs:cancel': ({ accountId, jobId }) => jobs.cancel(accountId, jobId),
    'jobs:undo': ({ accountId, jobId }) => jobs.undo(accountId, jobId),
    'jobs:retryFailed': ({ accountId, jobId }) => jobs.retryFailed(accountId, jobId),
    'jobs:get': ({ accountId, jobId }) => jobs.get(accountId, jobId),
    'jobs:list': ({ accountId }) => jobs.list(accountId),
    'jobs:failures': ({ accountId, jobId, offset, limit }) => jobs.failures(accountId, jobId, offset, limit),
  };
}
