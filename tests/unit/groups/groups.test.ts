import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';

let emulator: Emulator;
let core: TestCore;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 21,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 300 }],
  });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  await core.services.close();
  emulator.control.reset();
});

async function account(groupApi: 'tags' | 'groups') {
  core = await startTestCore(emulator);
  const a = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET, groupApi });
  // The first list starts a background refresh: wait until the cache holds every server group.
  await vi.waitFor(
    async () => {
      const cached = new Set((await core.ok('groups:list', { accountId: a.id })).groups.map((g) => g.id));
      expect(serverGroups(groupApi).every((g) => cached.has(g.id))).toBe(true);
    },
    { timeout: 10_000, interval: 25 },
  );
  return a.id;
}

const serverGroups = (api: 'tags' | 'groups') =>
  api === 'tags' ? emulator.control.state().tags() : emulator.control.state().legacyGroups();

for (const api of ['tags', 'groups'] as const) {
  describe(`groups through the ${api} API`, () => {
    it('creates, renames and deletes, with cached counts equal to the server’s', async () => {
      const accountId = await account(api);
      const created = await core.ok('groups:create', { accountId, name: '  周末活动  ' });
      expect(created).toMatchObject({ name: '周末活动', count: 0, api, system: false });
      expect(serverGroups(api).find((g) => g.id === created.id)?.name).toBe('周末活动');
      const renamed = await core.ok('groups:rename', { accountId, id: created.id, name: '周末活动报名' });
      expect(renamed.name).toBe('周末活动报名');
      await core.ok('groups:delete', { accountId, id: created.id });
      expect(serverGroups(api).some((g) => g.id === created.id)).toBe(false);
      const list = await core.ok('groups:list', { accountId });
      const server = serverGroups(api);
      expect(list.groups.map((g) => [g.id, g.name, g.count])).toEqual(
        expect.arrayContaining(server.map((g) => [g.id, g.name, g.count])),
      );
      expect(list.groups).toHaveLength(server.length);
    });

    it('refuses empty, blank, too long and duplicate names before calling WeChat', async () => {
      const accountId = await account(api);
      const existing = (await core.ok('groups:list', { accountId })).groups.find((g) => !g.system);
      emulator.control.clearCalls();
      const codes = [];
      for (const name of ['', '   ', '一'.repeat(31), existing?.name ?? '']) {
        const r = await core.call('groups:create', { accountId, name });
        codes.push(r.ok ? 'ok' : r.error.code);
      }
      expect(codes).toEqual([
        'GROUP_NAME_EMPTY',
        'GROUP_NAME_EMPTY',
        api === 'tags' ? 'TAG_NAME_TOO_LONG' : 'GROUP_NAME_TOO_LONG',
        'GROUP_NAME_DUPLICATE',
      ]);
      // 30 characters is allowed (30 Chinese characters are 90 bytes: the character rule applies).
      expect((await core.call('groups:create', { accountId, name: '一'.repeat(30) })).ok).toBe(true);
      expect(
        emulator.control.calls({ path: api === 'tags' ? '/cgi-bin/tags/create' : '/cgi-bin/groups/create' }),
      ).toHaveLength(1);
    });

    it('never renames or deletes the reserved groups 0, 1 and 2', async () => {
      const accountId = await account(api);
      const reserved = api === 'tags' ? 'TAG_RESERVED' : 'GROUP_RESERVED';
      for (const id of [0, 1, 2]) {
        expect(await core.call('groups:rename', { accountId, id, name: 'x' })).toMatchObject({
          ok: false,
          error: { code: reserved },
        });
        expect(await core.call('groups:delete', { accountId, id })).toMatchObject({
          ok: false,
          error: { code: reserved },
        });
      }
    });

    it('maps the server’s own answer for a rule it enforces', async () => {
      const accountId = await account(api);
      emulator.control.addFault({
        path: api === 'tags' ? '/cgi-bin/tags/create' : '/cgi-bin/groups/create',
        kind: 'errcode',
        errcode: api === 'tags' ? 45157 : 40051,
        count: 1,
      });
      const r = await core.call('groups:create', { accountId, name: '合法名字' });
      expect(r).toMatchObject({
        ok: false,
        error: { code: api === 'tags' ? 'TAG_NAME_INVALID' : 'GROUP_NAME_INVALID' },
      });
    });
  });
}

describe('limits', () => {
  it('stops at 100 tags before asking WeChat', async () => {
    const accountId = await account('tags');
    const have = emulator.control
      .state()
      .tags()
      .filter((t) => t.id >= 100).length;
    for (let i = have; i < 100; i++) emulator.control.state().createTag(`标签${i}`);
    await core.ok('groups:list', { accountId });
    await new Promise((r) => setTimeout(r, 100));
    emulator.control.clearCalls();
    const r = await core.call('groups:create', { accountId, name: '第101个' });
    expect(r).toMatchObject({ ok: false, error: { code: 'TAG_LIMIT', params: { max: 100 } } });
    expect(emulator.control.calls({ path: '/cgi-bin/tags/create' })).toHaveLength(0);
  });

  it('passes on the legacy API’s own limit (45018)', async () => {
    emulator.control.configure({ maxLegacyGroups: 3 });
    const accountId = await account('groups');
    let last;
    for (let i = 0; i < 5; i++) last = await core.call('groups:create', { accountId, name: `分组${i}` });
    expect(last).toMatchObject({ ok: false, error: { code: 'GROUP_LIMIT', wechat: { errcode: 45018 } } });
  });

  it('explains that a tag with more than 100 000 followers must be emptied first', async () => {
    emulator.control.configure({ tagDeleteMaxFans: 5 });
    const accountId = await account('tags');
    const big = emulator.control
      .state()
      .tags()
      .find((t) => t.id >= 100 && t.count > 5);
    expect(big).toBeDefined();
    const r = await core.call('groups:delete', { accountId, id: big?.id as number });
    expect(r).toMatchObject({ ok: false, error: { code: 'TAG_TOO_MANY_FANS', wechat: { errcode: 45057 } } });
  });
});
