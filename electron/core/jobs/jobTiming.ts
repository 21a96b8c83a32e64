import { nextBeijingMidnight } from '../wechat/beijingDay';

/**
 * The runner's clock and waits. Everything time-based in the jobs goes through here, so tests
 * can run a job against the emulator's clock with millisecond retry intervals.
 */
export interface JobTiming {
  /** The runner's clock (ms): resumeAt values and the start of the next minute come from it. */
  now: () => number;
  /** Waits `ms` of real time; resolves early (without throwing) when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Paused on 45009: one chunk is tried again this often until WeChat's day rolls over. */
  quotaRetryMs: number;
  /** Paused offline or on server errors: one chunk probes WeChat this often. */
  offlineRetryMs: number;
  /** Paused on 40164 (IP not whitelisted): one chunk looks again this often. */
  ipRetryMs: number;
  /** A rate pause waits for `now()` to reach the next minute, looking this often. */
  pollMs: number;
  /** First backoff for 45169 / system busy that outlasted the client's retries (doubles). */
  retryDelayMs: number;
  /** Tries of one call for 45169 / system busy before the job fails. */
  maxRetries: number;
  /** job:progress at most this often per job (status changes always go out at once). */
  progressIntervalMs: number;
  /** data:changed at most this often per account while chunks land. */
  dataChangedIntervalMs: number;
}

export type JobTimingOptions = Partial<JobTiming>;

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    // A long quota wait must not keep a closing process alive.
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
  });
}

export function jobTiming(options: JobTimingOptions = {}, now: () => number = Date.now): JobTiming {
  return {
    now,
    sleep: realSleep,
    quotaRetryMs: 30 * 60_000,
    offlineRetryMs: 15_000,
    // A whitelist change takes the owner and WeChat a few minutes; 重新检测 looks at once.
    ipRetryMs: 60_000,
    pollMs: 1_000,
    retryDelayMs: 1_000,
    maxRetries: 6,
    progressIntervalMs: 100,
    dataChangedIntervalMs: 250,
    ...options,
  };
}

/** Waits until the runner's clock reaches `at` (or `signal` aborts). */
export async function sleepUntil(timing: JobTiming, at: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const left = at - timing.now();
    if (left <= 0) return;
    await timing.sleep(Math.min(left, timing.pollMs), signal);
  }
}

/**
 * An automatic pause: when the owner is told it continues (`resumeAt`), and how long to wait
 * before trying again (a rate pause waits for `resumeAt` itself). A quota pause names the daily
 * reset but still looks every quotaRetryMs, in case the owner reset the quota in the console.
 */
export function autoPause(
  timing: JobTiming,
  reason: 'offline' | 'quota' | 'rate' | 'ip' | 'server',
  now: number,
): { resumeAt: number; retryInMs: number } {
  switch (reason) {
    case 'rate': {
      const at = startOfNextMinute(now);
      return { resumeAt: at, retryInMs: at - now };
    }
    case 'quota':
      return { resumeAt: nextBeijingMidnight(now), retryInMs: timing.quotaRetryMs };
    case 'ip':
      return { resumeAt: now + timing.ipRetryMs, retryInMs: timing.ipRetryMs };
    // A run of server errors is probed as often as a lost network.
    case 'offline':
    case 'server':
      return { resumeAt: now + timing.offlineRetryMs, retryInMs: timing.offlineRetryMs };
  }
}

/** WeChat's minute quota (45011) frees up at the start of the next minute. */
export function startOfNextMinute(t: number): number {
  return (Math.floor(t / 60_000) + 1) * 60_000;
}
