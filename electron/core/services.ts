import type { Handlers } from '#contract/channels';
import { AccountList } from './accounts/accountList';
import { AccountService } from './accounts/accountService';
import { ClientPool } from './accounts/clientPool';
import { DemoEnvironment } from './accounts/demoEnvironment';
import { FollowerService } from './followers/followerService';
import { SyncService } from './followers/syncService';
import { GroupService } from './groups/groupService';
import { ItemJobs } from './jobs/itemJobs';
import { JobBooks } from './jobs/jobBooks';
import { JobService } from './jobs/jobService';
import { SyncJobRecords } from './jobs/syncJobs';
import { SyncJobs } from './jobs/syncJobsExecutor';
import { jobTiming, type JobTimingOptions } from './jobs/jobTiming';
import { recheckIp } from './jobs/ipRecheck';
import { readQuotaOverview } from './wechat/quotaOverview';
import type { CorePorts } from './ports';
import { AccountSessions } from './session/accountSessions';
import { defaultNetProbe, NetProbe, type NetProbeOptions } from './session/netProbe';
import { NetStatus } from './session/netStatus';
import { SettingsService } from './settingsService';
import { createEventHub, type EventHub } from './transport';
import { updatesOff } from './updatesOff';

export interface Services {
  handlers: Handlers;
  events: EventHub;
  close(): Promise<void>;
}

/** Tuning that is not a host port: tests and benchmarks shorten the jobs' waits with it. */
export interface ServiceOptions {
  jobs?: JobTimingOptions;
  /** How often the reachability probe checks while offline. */
  netProbe?: NetProbeOptions;
}

/**
 * The composition of the core: every contract channel's handler, built from the host's ports.
 * Both hosts (Electron main, browser host) call this and nothing else.
 */
export async function createServices(ports: CorePorts, options: ServiceOptions = {}): Promise<Services> {
  const now = ports.now ?? Date.now;
  const events = createEventHub();
  const settings = new SettingsService(ports.settings);
  const net = new NetStatus(events, now);
  const demo = new DemoEnvironment();
  const clients = new ClientPool(
    ports.secrets,
    demo,
    {
      ...ports.wechat,
      ...(ports.resolveSystemProxy ? { resolveSystemProxy: ports.resolveSystemProxy } : {}),
    },
    ports.log,
    (accountId, online, reason) => net.report(accountId, online, reason),
  );
  const accounts = new AccountService(
    new AccountList(ports.settings),
    ports.secrets,
    clients,
    demo,
    ports.dataDir,
    ports.log,
    now,
    () => events.emit('accounts:changed', {}),
  );
  const sessions = new AccountSessions(accounts, clients, ports.log, now);
  const groups = new GroupService(sessions, events);
  const followers = new FollowerService(sessions, accounts, events, now);
  const timing = jobTiming(options.jobs, options.jobs?.now ?? now);
  const books = new JobBooks(sessions);
  // Each sync run is a job of kind `sync`: recorded in the job history, paused and resumed like one.
  const syncRecords = new SyncJobRecords(books, timing.now);
  const sync = new SyncService({ sessions, settings, events, log: ports.log, jobs: syncRecords, timing });
  const jobs = new JobService({
    books,
    accounts,
    events,
    log: ports.log,
    timing,
    // The sync stops first: it records its end in the history the item jobs share.
    executors: [
      new SyncJobs(sync, syncRecords),
      new ItemJobs({
        books,
        events,
        timing,
        concurrency: () => settings.get().jobConcurrency,
        log: ports.log,
      }),
    ],
  });

  /**
   * Every "close this account first" path (reconfigure, remove, demo reset) goes through here:
   * the account's sync stops and its writer thread lets go of cache.sqlite (on Windows a folder
   * with an open file cannot be removed), then its bulk jobs' chunks in flight land, then the
   * database closes. The sync's job stays unfinished and carries on when the account opens again.
   */
  const closeAccount = async (id: string) => {
    await jobs.stopAccount(id);
    sessions.close(id);
  };

  // While an account is offline the probe checks by itself; when WeChat answers again, jobs and
  // a sync waiting out an offline pause go on at once instead of at their next timed try.
  const probe = new NetProbe(async (accountId) => {
    if (!accounts.accounts().accounts.some((a) => a.id === accountId)) return null;
    const client = await clients.get(accounts.get(accountId));
    return client.reachable();
  }, options.netProbe ?? defaultNetProbe);
  net.onChange((accountId, online) => {
    if (!online) return probe.whileOffline(accountId);
    probe.stop(accountId);
    jobs.networkBack(accountId);
  });

  // Open the default account's cache (and load its query index) while the window is still
  // loading, so the first screen of followers does not wait for it.
  const defaultId = accounts.accounts().defaultId;
  if (defaultId) setImmediate(() => void sessions.open(defaultId).catch(() => undefined));

  const updates = ports.updates ?? updatesOff('dev');
  const stopUpdateEvents = updates.subscribe((state) => events.emit('updates:state', state));

  const handlers: Handlers = {
    'app:info': async () => ({
      name: ports.app.name,
      version: ports.app.version,
      dataDir: ports.dataDir,
      platform: process.platform,
      demoAvailable: true,
      logDir: ports.app.logDir ?? null,
      notices: [...(ports.app.notices ?? [])],
    }),
    'app:openLogFolder': async () => {
      const { logDir } = ports.app;
      return { opened: logDir !== undefined && ports.openFolder ? await ports.openFolder(logDir) : false };
    },
    'accounts:list': async () => accounts.accounts(),
    'accounts:test': async (input) => ({ capabilities: await accounts.test(input) }),
    'accounts:add': (input) => accounts.add(input),
    'accounts:rename': async ({ id, name }) => accounts.rename(id, name),
    'accounts:configure': async ({ id, ...patch }) => {
      await closeAccount(id);
      const configured = await accounts.configure(id, patch);
      // With the new settings: the jobs and an interrupted sync carry on.
      void jobs.resumeAccount(id);
      // A new way to reach WeChat (proxy, API address): find out at once whether it answers.
      probe.stop(id);
      probe.checkNow(id);
      return configured;
    },
    'accounts:changeSecret': async ({ id, appSecret }) => {
      // Tested before anything stops: a refused secret leaves the account exactly as it was.
      const verified = await accounts.verifySecret(id, appSecret);
      await jobs.stopAccount(id);
      sessions.close(id);
      try {
        return await accounts.saveSecret(verified);
      } finally {
        void jobs.resumeAccount(id);
      }
    },
    'accounts:remove': async ({ id }) => {
      probe.stop(id);
      net.forget(id);
      await closeAccount(id);
      await accounts.remove(id);
      return { id };
    },
    'accounts:setDefault': async ({ id }) => {
      accounts.setDefault(id);
      return { id };
    },
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
    'demo:open': () => accounts.openDemo(),
    'demo:reset': async () => {
      await closeAccount('demo');
      return accounts.resetDemo();
    },
    'groups:list': ({ accountId }) => groups.list(accountId),
    'groups:create': ({ accountId, name }) => groups.create(accountId, name),
    'groups:rename': ({ accountId, id, name }) => groups.rename(accountId, id, name),
    'groups:delete': ({ accountId, id }) => groups.delete(accountId, id),
    'followers:query': ({ accountId, query }) => followers.query(accountId, query),
    'followers:get': ({ accountId, openid }) => followers.get(accountId, openid),
    'followers:setRemark': ({ accountId, openid, remark, recheck }) =>
      followers.setRemark(accountId, openid, remark, recheck),
    'followers:setNote': ({ accountId, openid, note }) => followers.setNote(accountId, openid, note),
    // One way to start a sync: as the job it is.
    'sync:start': async ({ accountId }) => {
      await jobs.start({ accountId, kind: 'sync' });
      return sync.status(accountId);
    },
    'sync:status': ({ accountId }) => sync.status(accountId),
    'sync:dismissRecovery': ({ accountId }) => sync.dismissRecovery(accountId),
    'net:get': async ({ accountId }) => {
      const known = net.get(accountId);
      // Nothing has gone to WeChat yet (just started): find out now rather than claim "connected".
      if (!known) probe.checkNow(accountId);
      return { accountId, online: true, since: null, ...known };
    },
    'net:check': async ({ accountId }) => {
      accounts.get(accountId);
      await probe.checkAndWait(accountId);
      return { accountId, online: true, since: null, ...net.get(accountId) };
    },
    'jobs:start': (input) => jobs.start(input),
    'jobs:pause': ({ accountId, jobId }) => jobs.pause(accountId, jobId),
    'jobs:resume': ({ accountId, jobId }) => jobs.resume(accountId, jobId),
    'jobs:cancel': ({ accountId, jobId }) => jobs.cancel(accountId, jobId),
    'jobs:undo': ({ accountId, jobId }) => jobs.undo(accountId, jobId),
    'jobs:retryFailed': ({ accountId, jobId }) => jobs.retryFailed(accountId, jobId),
    'jobs:get': ({ accountId, jobId }) => jobs.get(accountId, jobId),
    'jobs:list': ({ accountId }) => jobs.list(accountId),
    'jobs:failures': ({ accountId, jobId, offset, limit }) => jobs.failures(accountId, jobId, offset, limit),
    'updates:status': async () => updates.state(),
    'updates:check': () => updates.check(),
    'updates:installOnQuit': async ({ enabled }) => updates.setInstallOnQuit(enabled),
    'updates:restart': () => updates.restart(),
    'wechat:quota': async ({ accountId }) => {
      const s = await sessions.open(accountId);
      return { accountId, ...(await readQuotaOverview(s.client, s.backend.api, now())) };
    },
    'wechat:recheck': ({ accountId }) => recheckIp(sessions, jobs, accountId),
  };
  // Unfinished jobs of every account (an interrupted sync too) carry on by themselves (not
  // awaited: start-up stays quick; accounts without a cache have nothing to resume).
  void jobs.resumeAll();

  return {
    handlers,
    events,
    close: async () => {
      stopUpdateEvents();
      // First: chunks in flight land while their databases and clients are still open.
      probe.close();
      await jobs.close();
      sessions.closeAll();
      await clients.closeAll();
      await demo.close();
    },
  };
}
