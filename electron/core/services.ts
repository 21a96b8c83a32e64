import type { Handlers } from '#contract/channels';
import { AccountList } from './accounts/accountList';
import { AccountService } from './accounts/accountService';
import { ClientPool } from './accounts/clientPool';
import { DemoEnvironment } from './accounts/demoEnvironment';
import { FollowerService } from './followers/followerService';
import { SyncService } from './followers/syncService';
import { GroupService } from './groups/groupService';
import { AccountClosing } from './handlers/accountClosing';
import { accountHandlers } from './handlers/accountHandlers';
import { appHandlers } from './handlers/appHandlers';
import { followerHandlers } from './handlers/followerHandlers';
import { groupHandlers } from './handlers/groupHandlers';
import { jobHandlers } from './handlers/jobHandlers';
import { settingsHandlers } from './handlers/settingsHandlers';
import { wechatHandlers } from './handlers/wechatHandlers';
import { ItemJobs } from './jobs/itemJobs';
import { JobBooks } from './jobs/jobBooks';
import { JobService } from './jobs/jobService';
import { SyncJobRecords } from './jobs/syncJobs';
import { SyncJobs } from './jobs/syncJobsExecutor';
import { jobTiming, type JobTimingOptions } from './jobs/jobTiming';
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
  const clients = new ClientPool({
    secrets: ports.secrets,
    demo,
    shared: {
      ...ports.wechat,
      ...(ports.resolveSystemProxy ? { resolveSystemProxy: ports.resolveSystemProxy } : {}),
    },
    log: ports.log,
    onReachability: (accountId, online, reason) => net.report(accountId, online, reason),
  });
  const accounts = new AccountService({
    list: new AccountList(ports.settings),
    secrets: ports.secrets,
    clients,
    demo,
    dataDir: ports.dataDir,
    log: ports.log,
    now,
    changed: () => events.emit('accounts:changed', {}),
  });
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

  const closing = new AccountClosing(jobs, sessions);

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
    ...appHandlers(ports, updates),
    ...accountHandlers({ accounts, closing, net, probe }),
    ...settingsHandlers(settings),
    ...groupHandlers(groups),
    ...followerHandlers(followers, sync, jobs),
    ...jobHandlers(jobs),
    ...wechatHandlers({ accounts, sessions, jobs, net, probe, now }),
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
