import type { AccountSummary, ChannelName, ChannelOutput, ChannelRequest } from '#contract';

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

export const samples: ChannelSamples = {
  'app:info': {
    inputs: [{}],
    output: {
      name: '粉丝分组助手',
      version: '0.1.0',
      dataDir: '/tmp/x',
      platform: 'linux',
      demoAvailable: true,
    },
  },
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
};
