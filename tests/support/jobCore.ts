import type { JobTimingOptions } from '../../electron/core/jobs/jobTiming';
import type { CorePorts } from '../../electron/core/ports';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator } from '../../electron/emulator';
import type { ChannelRequest } from '#contract/channels';
import type { EventPayload } from '#contract/events';
import type { JobSummary } from '#contract/jobs';
import { startTestCore, type TestCore } from './coreServices';

/** Waits short enough for tests: jobs retry and probe within milliseconds. */
export const fastJobTiming: JobTimingOptions = {
  quotaRetryMs: 25,
  offlineRetryMs: 25,
  pollMs: 5,
  progressIntervalMs: 20,
  dataChangedIntervalMs: 20,
};

/**
 * Like startTestCore (the real core on temp folders, WeChat's host names pointed at the emulator),
 * with the jobs' timing options: `now` may be the emulator's clock.
 */
export async function startJobCore(
  emulator: Emulator,
  jobs: JobTimingOptions = fastJobTiming,
  reopen?: Pick<TestCore, 'dataDir' | 'secretsDir'>,
  extra: Partial<CorePorts> = {},
): Promise<TestCore> {
  return startTestCore(emulator, extra, reopen, { jobs });
}

export async function addAccount(core: TestCore, groupApi: 'tags' | 'groups' = 'tags'): Promise<string> {
  const account = await core.ok('accounts:add', {
    appId: DEFAULT_APPID,
    appSecret: DEFAULT_SECRET,
    groupApi,
  });
  return account.id;
}

/** Runs a full sync and waits for its end. */
export async function syncAccount(core: TestCore, accountId: string): Promise<EventPayload<'sync:progress'>> {
  const done = new Promise<EventPayload<'sync:progress'>>((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && !e.payload.running && e.payload.accountId === accountId) {
        off();
        resolve(e.payload);
      }
    });
  });
  await core.ok('sync:start', { accountId });
  const status = await done;
  if (status.lastError) throw new Error(`sync failed: ${JSON.stringify(status.lastError)}`);
  return status;
}

/**
 * Resolves with the job's summary once `until` holds for it, from `job:progress` events or from
 * `jobs:get` (polled, in case the moment came before the listener did).
 */
export function waitForJob(
  core: TestCore,
  accountId: string,
  jobId: string,
  until: (job: JobSummary) => boolean,
  timeoutMs = 20_000,
): Promise<JobSummary> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (job: JobSummary | null, error?: Error) => {
      if (settled) return;
      settled = true;
      off();
      clearInterval(poll);
      clearTimeout(timer);
      if (job) resolve(job);
      else reject(error);
    };
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'job:progress' && e.payload.id === jobId && until(e.payload)) finish(e.payload);
    });
    const check = () =>
      void core
        .call('jobs:get', { accountId, jobId })
        .then((r) => {
          if (r.ok && until(r.data)) finish(r.data);
        })
        .catch(() => undefined);
    const poll = setInterval(check, 25);
    check();
    const timer = setTimeout(() => {
      void core.call('jobs:get', { accountId, jobId }).then((r) => {
        finish(null, new Error(`job ${jobId} did not get there in ${timeoutMs} ms: ${JSON.stringify(r)}`));
      });
    }, timeoutMs);
  });
}

export const isFinished = (job: JobSummary) =>
  job.status === 'done' || job.status === 'cancelled' || job.status === 'failed';

/** Every follower's tags on the emulator, by openid (sorted ids). */
export function tagSnapshot(emulator: Emulator): Map<string, number[]> {
  const state = emulator.control.state();
  return new Map(
    state
      .openids({ subscribedOnly: false })
      .map((o) => [o, [...(state.follower(o)?.tagIds ?? [])].sort((a, b) => a - b)]),
  );
}

/** WeChat's batch endpoints, for the call log. */
export const TAGGING = '/cgi-bin/tags/members/batchtagging';
export const UNTAGGING = '/cgi-bin/tags/members/batchuntagging';
export const BATCHUPDATE = '/cgi-bin/groups/members/batchupdate';
export const BLACKLIST = '/cgi-bin/tags/members/batchblacklist';
export const UNBLACKLIST = '/cgi-bin/tags/members/batchunblacklist';

/** The largest body a batch call of `size` openids of this account can have. */
export function maxBatchBody(
  emulator: Emulator,
  size: number,
  extra: Record<string, number> = { tagid: 2 ** 31 },
) {
  const longest = emulator.control
    .state()
    .openids({ subscribedOnly: false })
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  return Buffer.byteLength(JSON.stringify({ openid_list: Array(size).fill(longest), ...extra }));
}

/** Every host name the client uses, down: the machine is offline as far as WeChat goes. */
export function allHostsDown(emulator: Emulator): void {
  for (const host of ['api', 'api2', 'sh.api', 'sz.api', 'hk.api']) {
    emulator.control.addFault({ kind: 'hostDown', host: `${host}.weixin.qq.com` });
  }
}

/** jobs:start input: move every follower of group `from` (as the cache has them) to `to`. */
export function moveAllIn(accountId: string, from: number, to: number): ChannelRequest<'jobs:start'> {
  return {
    accountId,
    kind: 'move',
    selection: { query: { groups: { mode: 'any', ids: [from] } } },
    from,
    to,
  };
}
