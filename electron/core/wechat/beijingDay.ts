/** WeChat's days (daily quotas, 45009) run from midnight to midnight Beijing time (UTC+8). */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The next midnight in Beijing after `t` (ms since epoch). */
export function nextBeijingMidnight(t: number): number {
  return (Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - BEIJING_OFFSET_MS;
}
