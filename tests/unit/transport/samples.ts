import type {
  AccountSummary,
  ChannelName,
  ChannelOutput,
  ChannelRequest,
  FollowerRow,
  GroupSummary,
  JobSummary,
  SyncStatus,
} from '#contract';

/** Valid traffic for every channel. The mapped type makes a new channel without samples a type error. */
export type ChannelSamples = {
  [C in ChannelName]: { inputs: ChannelRequest<C>[]; output: ChannelOutput<C> };
};

const account: AccountSummary = {
  id: 'acc_1',
  name: '测试号',
  appId: 'wx0123456789abcdef',
  isDemo: false,
  capabilities: { userManagement: 'yes', remarks: 'unknown', checkedAt: 1_700_000_000_000 },
  groupApi: 'tags',
  network: { mode: 'proxy', proxyUrl: 'http://127.0.0.1:8888' },
  createdAt: 1_700_000_000_000,
};
const secret = '0123456789abcdef0123456789abcdef';
const group: GroupSummary = { id: 100, name: '老顾客', count: 12, api: 'tags', system: false };
const follower: FollowerRow = {
  openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1',
  subscribed: true,
  subscribeTime: 1_650_000_000,
  scene: 'ADD_SCENE_QR_CODE',
  qrScene: 0,
  qrSceneStr: 'shop-door',
  remark: '王阿姨',
  language: 'zh_CN',
  unionid: null,
  groupIds: [2, 100],
  blacklisted: false,
  note: '',
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_000_000,
};
const syncStatus: SyncStatus = {
  accountId: 'acc_1',
  running: true,
  phase: 'followers',
  done: 3000,
  total: 23_000,
  percent: 40,
  lastSyncedAt: null,
  resumable: false,
  needsFullSync: false,
  recovery: null,
  lastError: null,
};

const job: JobSummary = {
  id: '0f8e2c1a-4b5d-4e6f-8a7b-9c0d1e2f3a4b',
  accountId: 'acc_1',
  kind: 'move',
  status: 'paused',
  pauseReason: 'quota',
  resumeAt: 1_700_000_600_000,
  params: { from: 100, to: 101, names: { from: '老顾客', to: '会员' } },
  total: 8000,
  succeeded: 3000,
  failed: 2,
  skipped: 10,
  createdAt: 1_700_000_000_000,
  startedAt: 1_700_000_000_100,
  finishedAt: null,
  undoOf: null,
  undoneBy: null,
  canUndo: false,
  undoBlocked: null,
  lastError: {
    code: 'QUOTA_DAILY',
    params: { errcode: 45009 },
    retryable: false,
    wechat: { errcode: 45009 },
  },
};
const jobRef = { accountId: 'acc_1', jobId: job.id };

export const samples: ChannelSamples = {
  'app:info': {
    inputs: [{}],
    output: {
      name: '粉丝分组助手',
      version: '0.1.0',
      dataDir: '/tmp/x',
      platform: 'linux',
      demoAvailable: true,
      logDir: '/tmp/x/logs',
      notices: [{ kind: 'settingsReset', movedTo: '/tmp/x/settings.unreadable-1.json', accountsKept: 2 }],
    },
  },
  'app:openLogFolder': { inputs: [{}], output: { opened: true } },
  'accounts:list': { inputs: [{}], output: { accounts: [account], defaultId: 'acc_1' } },
  'accounts:test': {
    inputs: [
      { appId: 'wx0123456789abcdef', appSecret: secret },
      { appId: 'wx0123456789abcdef', appSecret: secret, network: { mode: 'system' } },
      { appId: '', appSecret: '' }, // format errors are the core's to report, with the field named
    ],
    output: { capabilities: { userManagement: 'no', remarks: 'no', checkedAt: null } },
  },
  'accounts:add': {
    inputs: [
      { appId: 'wx0123456789abcdef', appSecret: secret },
      {
        name: '我的公众号',
        appId: 'wx0123456789abcdef',
        appSecret: secret,
        network: { mode: 'custom-base', baseUrl: 'https://api2.weixin.qq.com' },
        groupApi: 'groups',
      },
    ],
    output: account,
  },
  'accounts:rename': { inputs: [{ id: 'acc_1', name: '新名字' }], output: account },
  'accounts:configure': {
    inputs: [{ id: 'acc_1' }, { id: 'acc_1', network: { mode: 'direct' }, groupApi: 'tags' }],
    output: { ...account, network: { mode: 'direct' } },
  },
  'accounts:changeSecret': { inputs: [{ id: 'acc_1', appSecret: secret }], output: account },
  'accounts:remove': { inputs: [{ id: 'acc_1' }], output: { id: 'acc_1' } },
  'accounts:setDefault': { inputs: [{ id: 'acc_1' }], output: { id: 'acc_1' } },
  'settings:get': {
    inputs: [{}],
    output: { language: 'system', theme: 'dark', syncConcurrency: 4, jobConcurrency: 2 },
  },
  'settings:set': {
    inputs: [{}, { language: 'en' }, { theme: 'light', syncConcurrency: 8, jobConcurrency: 1 }],
    output: { language: 'en', theme: 'light', syncConcurrency: 8, jobConcurrency: 1 },
  },
  'demo:open': { inputs: [{}], output: { ...account, id: 'demo', isDemo: true } },
  'demo:reset': { inputs: [{}], output: { ...account, id: 'demo', isDemo: true } },

  'groups:list': {
    inputs: [{ accountId: 'acc_1' }],
    output: {
      groups: [{ id: 2, name: '星标组', count: 3, api: 'tags', system: true }, group],
      lastSyncedAt: 1_700_000_000_000,
      ungrouped: 40,
      blacklisted: 2,
    },
  },
  'groups:create': { inputs: [{ accountId: 'acc_1', name: '老顾客' }], output: group },
  'groups:rename': { inputs: [{ accountId: 'acc_1', id: 100, name: '老客户' }], output: group },
  'groups:delete': { inputs: [{ accountId: 'acc_1', id: 100 }], output: { id: 100 } },
  'followers:query': {
    inputs: [
      // Defaults spelled out: a round-trip compares what goes in with what comes out.
      {
        accountId: 'acc_1',
        query: { subscribed: true, sort: { by: 'subscribeTime', dir: 'desc' }, offset: 0, limit: 100 },
      },
      {
        accountId: 'acc_1',
        query: {
          text: '张',
          groups: { mode: 'all', ids: [100, 101] },
          blacklisted: false,
          subscribed: true,
          subscribedFrom: 1_600_000_000,
          subscribedTo: 1_700_000_000,
          scenes: ['ADD_SCENE_QR_CODE'],
          sort: { by: 'remark', dir: 'asc' },
          offset: 500,
          limit: 500,
        },
      },
    ],
    output: { rows: [follower], total: 1, offset: 0, lastSyncedAt: null },
  },
  'followers:get': { inputs: [{ accountId: 'acc_1', openid: follower.openid }], output: follower },
  'followers:setRemark': {
    inputs: [{ accountId: 'acc_1', openid: follower.openid, remark: '王阿姨' }],
    output: follower,
  },
  'followers:setNote': {
    inputs: [{ accountId: 'acc_1', openid: follower.openid, note: '每周三来店' }],
    output: follower,
  },
  'sync:start': { inputs: [{ accountId: 'acc_1' }], output: syncStatus },
  'net:get': {
    inputs: [{ accountId: 'acc_1' }],
    output: { accountId: 'acc_1', online: false, since: 1_700_000_000_000, reason: 'ECONNRESET' },
  },
  'net:check': {
    inputs: [{ accountId: 'acc_1' }],
    output: { accountId: 'acc_1', online: true, since: 1_700_000_000_000 },
  },
  'sync:status': {
    inputs: [{ accountId: 'acc_1' }],
    output: { ...syncStatus, running: false, phase: 'idle' },
  },
  'wechat:quota': {
    inputs: [{ accountId: 'acc_1' }],
    output: {
      accountId: 'acc_1',
      items: [
        { api: 'userGet', path: '/cgi-bin/user/get', limit: 500, used: 12, remain: 488 },
        { api: 'remark', path: '/cgi-bin/user/info/updateremark', limit: null, used: null, remain: null },
      ],
      resetsAt: 1_700_006_400_000,
      readAt: 1_700_000_000_000,
    },
  },
  'wechat:recheck': {
    inputs: [{ accountId: 'acc_1' }],
    output: { ok: false, ip: '203.0.113.7', resumed: 0 },
  },
  'sync:dismissRecovery': {
    inputs: [{ accountId: 'acc_1' }],
    output: { ...syncStatus, running: false, phase: 'idle' },
  },

  'jobs:start': {
    inputs: [
      {
        accountId: 'acc_1',
        kind: 'move',
        selection: { openids: [follower.openid, 'oAbCdEfGhIjKlMnOpQrStUvWxYz2'] },
        from: 100,
        to: 101,
      },
      {
        accountId: 'acc_1',
        kind: 'add',
        // Defaults spelled out, as for followers:query.
        selection: {
          query: {
            text: '王',
            groups: { mode: 'none', ids: [] },
            subscribed: true,
            sort: { by: 'subscribeTime', dir: 'desc' },
          },
        },
        to: 101,
      },
      { accountId: 'acc_1', kind: 'remove', selection: { openids: [follower.openid] }, from: 2 },
      { accountId: 'acc_1', kind: 'blacklist', selection: { openids: [follower.openid] } },
      {
        accountId: 'acc_1',
        kind: 'unblacklist',
        selection: { query: { blacklisted: true, subscribed: true, sort: { by: 'remark', dir: 'asc' } } },
      },
      { accountId: 'acc_1', kind: 'deleteGroup', groupId: 100 },
    ],
    output: { ...job, status: 'queued', pauseReason: null, resumeAt: null, succeeded: 0, startedAt: null },
  },
  'jobs:pause': {
    inputs: [jobRef],
    output: { ...job, pauseReason: 'user', resumeAt: null, lastError: null },
  },
  'jobs:resume': {
    inputs: [jobRef],
    output: { ...job, status: 'running', pauseReason: null, resumeAt: null },
  },
  'jobs:cancel': {
    inputs: [jobRef],
    output: { ...job, status: 'cancelled', pauseReason: null, resumeAt: null, finishedAt: 1_700_000_900_000 },
  },
  'jobs:undo': {
    inputs: [jobRef],
    output: {
      ...job,
      id: '1a2b3c4d-0000-4000-8000-000000000001',
      status: 'queued',
      pauseReason: null,
      resumeAt: null,
      params: { from: 101, to: 100 },
      total: 3000,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      startedAt: null,
      undoOf: job.id,
      lastError: null,
    },
  },
  'jobs:retryFailed': {
    inputs: [jobRef],
    output: {
      ...job,
      id: '1a2b3c4d-0000-4000-8000-000000000002',
      status: 'queued',
      pauseReason: null,
      resumeAt: null,
      total: 12,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      startedAt: null,
      lastError: null,
    },
  },
  'jobs:get': { inputs: [jobRef], output: job },
  'jobs:list': {
    inputs: [{ accountId: 'acc_1' }],
    output: {
      jobs: [
        job,
        {
          ...job,
          id: 'j2',
          kind: 'deleteGroup',
          params: { groupId: 102 },
          status: 'done',
          pauseReason: null,
          resumeAt: null,
          finishedAt: 1_700_000_900_000,
          undoneBy: null,
          lastError: null,
        },
        { ...job, id: 'j3', kind: 'blacklist', params: {}, status: 'done', canUndo: true, lastError: null },
      ],
    },
  },
  'jobs:failures': {
    inputs: [
      { ...jobRef, offset: 0, limit: 100 },
      { ...jobRef, offset: 500, limit: 500 },
    ],
    output: {
      failures: [
        { openid: follower.openid, code: 'TAG_USER_LIMIT', errcode: 45059, remark: '王阿姨' },
        { openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz2', code: 'PARTIAL_FAILURE', errcode: 45171 },
        { openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz3', code: 'USER_UNSUBSCRIBED' },
      ],
      total: 3,
    },
  },
  'updates:status': { inputs: [{}], output: { status: 'off', reason: 'dev' } },
  'updates:check': {
    inputs: [{}],
    output: { status: 'upToDate', latest: '0.1.0', serverOlder: false, checkedAt: 1_700_000_000_000 },
  },
  'updates:installOnQuit': {
    inputs: [{ enabled: true }, { enabled: false }],
    output: { status: 'ready', version: '0.2.0', installOnQuit: true },
  },
  'updates:restart': { inputs: [{}], output: { status: 'ready', version: '0.2.0', installOnQuit: true } },
};
