import { expect } from 'vitest';
import type { Emulator } from '../../electron/emulator';
import type { FollowerRow } from '#contract/followers';
import type { TestCore } from './coreServices';

/** Every cached follower of an account, read through `followers:query` as the renderer would. */
export async function allCached(
  core: TestCore,
  accountId: string,
  subscribed = true,
): Promise<FollowerRow[]> {
  const rows: FollowerRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await core.ok('followers:query', { accountId, query: { subscribed, offset, limit: 500 } });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

/** The cache holds exactly the emulator's followers, with their tags, remarks and blacklist flags. */
export async function expectCacheMatches(
  core: TestCore,
  emulator: Emulator,
  accountId: string,
): Promise<void> {
  const state = emulator.control.state();
  const expected = state.openids({ subscribedOnly: true }).sort();
  const cached = await allCached(core, accountId);
  expect(cached.map((r) => r.openid).sort()).toEqual(expected);
  const mismatches: string[] = [];
  for (const row of cached) {
    const f = state.follower(row.openid);
    if (!f) continue;
    const want = {
      remark: f.remark,
      groupIds: [...f.tagIds].sort((a, b) => a - b),
      blacklisted: f.blacklisted,
    };
    const got = { remark: row.remark, groupIds: row.groupIds, blacklisted: row.blacklisted };
    if (JSON.stringify(want) !== JSON.stringify(got))
      mismatches.push(`${row.openid}: ${JSON.stringify({ want, got })}`);
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
  const groups = await core.ok('groups:list', { accountId });
  for (const tag of state.tags()) {
    expect(
      groups.groups.find((g) => g.id === tag.id),
      `tag ${tag.id}`,
    ).toMatchObject({ name: tag.name, count: tag.count });
  }
}
