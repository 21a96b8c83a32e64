import { describe, expect, it } from 'vitest';
import {
  followerPageSchema,
  followerQuerySchema,
  followerRowSchema,
  groupSummarySchema,
} from '#contract/followers';

describe('follower schemas', () => {
  it('fill in query defaults: subscribed only, newest first, first 100', () => {
    expect(followerQuerySchema.parse({})).toEqual({
      subscribed: true,
      sort: { by: 'subscribeTime', dir: 'desc' },
      offset: 0,
      limit: 100,
    });
    expect(followerQuerySchema.parse({ text: '  老王 ' }).text).toBe('老王');
  });

  it('reject unknown keys, out-of-range windows and oversized inputs', () => {
    const bad = [
      { limit: 0 },
      { limit: 501 },
      { offset: -1 },
      { offset: 1.5 },
      { text: 'x'.repeat(101) },
      { groups: { mode: 'some', ids: [] } },
      { groups: { mode: 'any', ids: Array.from({ length: 101 }, (_, i) => i) } },
      { groups: { mode: 'any', ids: [1], extra: true } },
      { sort: { by: 'nickname', dir: 'asc' } },
      { subscribedFrom: -5 },
      { scenes: ['x'.repeat(65)] },
      { nickname: 'x' },
    ];
    for (const input of bad)
      expect(followerQuerySchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    expect(followerQuerySchema.safeParse({ limit: 500, text: 'x'.repeat(100) }).success).toBe(true);
  });

  it('describe rows, pages and group summaries', () => {
    const row = {
      openid: 'o1',
      subscribed: true,
      subscribeTime: 1_700_000_000,
      scene: 'ADD_SCENE_QR_CODE',
      qrScene: 0,
      qrSceneStr: null,
      remark: '',
      language: 'zh_CN',
      unionid: null,
      groupIds: [2, 100],
      blacklisted: false,
      note: '',
      firstSeen: 1,
      lastSeen: 2,
    };
    expect(followerRowSchema.parse(row)).toEqual(row);
    expect(followerPageSchema.parse({ rows: [row], total: 1, offset: 0, lastSyncedAt: null }).total).toBe(1);
    expect(
      groupSummarySchema.safeParse({ id: 2, name: '星标组', count: 0, api: 'tags', system: true }).success,
    ).toBe(true);
    expect(
      groupSummarySchema.safeParse({ id: 2, name: 'x', count: 0, api: 'labels', system: true }).success,
    ).toBe(false);
  });
});
