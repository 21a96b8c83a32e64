import type { AppErrorData, ErrorCode } from '#contract/result';
import type { JobPauseReason } from '#contract/jobs';
import { AppError } from '../appError';
import { WeChatError } from '../wechat/wechatError';

/** Codes WeChat gives a whole batch for one bad follower in it: find who by bisecting. */
const PER_ITEM_CODES: ReadonlySet<ErrorCode> = new Set([
  'TAG_USER_LIMIT', // 45059
  'OPENID_INVALID', // 40003
  'OPENID_OTHER_APP', // 49003
  'USER_UNSUBSCRIBED', // 43004, 50005
  'USER_LIMITED', // 50002
]);

/** What the runner does about an error from a batch call. */
export type ErrorAction =
  /** 45171: the others were applied; retry only these (once). */
  | { kind: 'partial'; failed: string[] }
  /** A follower-specific refusal: bisect to the follower(s), record them, go on. */
  | { kind: 'item'; code: ErrorCode; errcode: number | undefined }
  /** 45169 that outlasted the client's own retries: wait and send again. */
  | { kind: 'retry' }
  /** Nothing will work for a while: pause the job and try again later by itself. */
  | { kind: 'pause'; reason: Exclude<JobPauseReason, 'user'> }
  /** The job cannot go on (a deleted target group, revoked permission, a bug): it fails. */
  | { kind: 'fatal' };

export function classify(error: unknown): ErrorAction {
  if (!(error instanceof AppError)) return { kind: 'fatal' };
  if (error instanceof WeChatError && error.errcode === 45171) {
    const failed = error.params['failed'];
    return {
      kind: 'partial',
      failed: Array.isArray(failed) ? failed.filter((x): x is string => typeof x === 'string') : [],
    };
  }
  if (PER_ITEM_CODES.has(error.code))
    return { kind: 'item', code: error.code, errcode: error.wechat?.errcode };
  switch (error.code) {
    case 'QUOTA_MINUTE':
      return { kind: 'pause', reason: 'rate' };
    case 'QUOTA_DAILY':
      return { kind: 'pause', reason: 'quota' };
    // 40164: the IP changed or left the whitelist. Fixing it takes the owner a few minutes in the
    // console (and WeChat a few more to apply): wait, keep the progress, look again.
    case 'IP_NOT_WHITELISTED':
      return { kind: 'pause', reason: 'ip' };
    // The client has already tried every host, with backoff: the network is gone.
    case 'NETWORK':
    case 'TIMEOUT':
      return { kind: 'pause', reason: 'offline' };
    // HTTP 5xx or "system busy" through all of the client's retries (~30 s): an outage on
    // WeChat's side. Like a network outage it pauses and probes; retrying can fix it, so it
    // never fails the job.
    case 'SYSTEM_BUSY':
      return { kind: 'pause', reason: 'server' };
    case 'OPENID_BUSY':
      return { kind: 'retry' };
    default:
      return { kind: 'fatal' };
  }
}

/** The error as the job's lastError: an AppError's data, or INTERNAL for anything else. */
export function errorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return new AppError('INTERNAL', { message: 'job step failed' }).toData();
}

/**
 * Thrown out of a chunk when it cannot finish now: its items stay pending (nothing is recorded for
 * them) and the job pauses, fails, or (when the services are closing) is simply left to resume.
 */
export class JobInterrupt extends Error {
  constructor(
    readonly reason: Exclude<JobPauseReason, 'user'> | 'fatal' | 'closing',
    readonly error: AppErrorData,
    options?: { cause?: unknown },
  ) {
    super(`job interrupted: ${reason}`, options);
    this.name = 'JobInterrupt';
  }
}
