import type { JobsPort } from './jobsPort';

/**
 * The core's jobs, as the UI's port. Null until the `jobs:*` channels are in the contract: then
 * this maps each JobsPort method onto `wxg.jobsStart` etc. (the only file to change).
 */
export const jobsPort: JobsPort | null = null;
