import type { AppErrorData } from '#contract/result';

/** Enough issues to fix a form, not so many that a hostile payload makes the answer huge. */
const maxIssues = 20;
const maxMessage = 200;

export interface InputIssue {
  path: (string | number)[];
  message: string;
}

/** zod issues → BAD_INPUT data: paths and zod's own messages only (they never echo input values). */
export function badInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppErrorData {
  const list: InputIssue[] = issues.slice(0, maxIssues).map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key).slice(0, maxMessage))),
    message: issue.message.slice(0, maxMessage),
  }));
  return { code: 'BAD_INPUT', params: { issues: list }, retryable: false };
}

export function unknownChannel(channel: unknown): AppErrorData {
  const shown = typeof channel === 'string' ? channel.slice(0, 64) : typeof channel;
  return {
    code: 'BAD_INPUT',
    params: { issues: [{ path: ['channel'], message: `Unknown channel: ${shown}` }] },
    retryable: false,
  };
}
