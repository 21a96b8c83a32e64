import { createInstance } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import type { FollowerRow } from '../../../electron/contract/followers';
import { en } from '../../../renderer/src/i18n/en';
import type { Formatters } from '../../../renderer/src/i18n/format';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

// api.ts reads window.wxg when it loads; the CSV itself never calls the bridge.
vi.hoisted(() => Object.assign(globalThis, { window: {} }));
const { followersCsv } = await import('../../../renderer/src/features/export/followersCsv');

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } });
  return i18n.t;
}

const format: Formatters = {
  number: String,
  dateTime: (ms) => new Date(ms).toISOString(),
  dateFromSeconds: (s) => new Date(s * 1000).toISOString().slice(0, 10),
  dateTimeFromSeconds: (s) => new Date(s * 1000).toISOString(),
  relative: String,
};

function follower(openid: string, qr: Pick<FollowerRow, 'qrScene' | 'qrSceneStr'>): FollowerRow {
  return {
    openid,
    subscribed: true,
    subscribeTime: 1_767_225_600,
    scene: 'ADD_SCENE_QR_CODE',
    remark: '',
    language: null,
    unionid: null,
    groupIds: [],
    blacklisted: false,
    note: '',
    firstSeen: 0,
    lastSeen: 0,
    ...qr,
  };
}

/** The CSV's cells, header first, split the simple way (these cells hold no commas or quotes). */
function cells(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('the follower export names the channel QR code each follower came through', () => {
  const rows = [
    follower('o-string', { qrScene: 0, qrSceneStr: 'store-door-2026' }),
    follower('o-number', { qrScene: 1024, qrSceneStr: '' }),
    follower('o-none', { qrScene: null, qrSceneStr: null }),
  ];

  for (const [lng, title] of [
    ['zh-CN', '二维码参数'],
    ['en', 'QR code parameter'],
  ] as const) {
    it(`has a "${title}" column (${lng}): the scene string, else its number, else empty`, async () => {
      const t = await translator(lng);
      const table = cells(followersCsv(rows, { t, format, group: String, scene: String }));
      const header = table[0] ?? [];
      const column = header.indexOf(title);
      expect(column).toBeGreaterThanOrEqual(0);
      const openidColumn = header.indexOf('openid');
      const byOpenid = new Map(table.slice(1).map((r) => [r[openidColumn], r[column]]));
      expect(byOpenid.get('o-string')).toBe('store-door-2026');
      expect(byOpenid.get('o-number')).toBe('1024');
      expect(byOpenid.get('o-none')).toBe('');
    });
  }
});
