import type { TFunction } from 'i18next';
import type { FollowerQueryInput, FollowerRow } from '#contract/followers';
import { unwrap, wxg } from '../../api';
import type { Formatters } from '../../i18n/format';
import { toCsv } from './csv';

/** The largest window followers:query answers. */
const WINDOW = 500;

export interface CsvNames {
  group: (id: number) => string;
  scene: (scene: string | null) => string;
  format: Formatters;
  t: TFunction;
}

/** Every follower the query matches, in its order, read from the cache window by window. */
export async function readAllFollowers(
  accountId: string,
  query: Omit<FollowerQueryInput, 'offset' | 'limit'>,
  onProgress?: (done: number, total: number) => void,
): Promise<FollowerRow[]> {
  const rows: FollowerRow[] = [];
  for (let offset = 0; ; offset += WINDOW) {
    const page = await wxg
      .followersQuery({ accountId, query: { ...query, offset, limit: WINDOW } })
      .then(unwrap);
    rows.push(...page.rows);
    onProgress?.(rows.length, page.total);
    if (page.rows.length < WINDOW || rows.length >= page.total) return rows;
  }
}

/** The followers as a spreadsheet: the columns of the list, in the app's language. */
export function followersCsv(rows: readonly FollowerRow[], names: CsvNames): string {
  const { t, format } = names;
  const header = [
    t('followers.columns.remark'),
    t('followers.columns.note'),
    t('followers.columns.groups'),
    t('followers.columns.subscribed'),
    t('followers.columns.scene'),
    t('export.qrScene'),
    t('export.blacklisted'),
    t('export.subscribed'),
    'openid',
    'UnionID',
  ];
  const yesNo = (value: boolean) => (value ? t('export.yes') : t('export.no'));
  return toCsv(
    header,
    rows.map((r) => [
      r.remark,
      r.note,
      r.groupIds.map(names.group).join('、'),
      r.subscribeTime === null ? '' : format.dateTimeFromSeconds(r.subscribeTime),
      r.scene === null ? '' : names.scene(r.scene),
      // The channel QR code a follower came through (渠道码): its string, else its number.
      r.qrSceneStr || (r.qrScene ? String(r.qrScene) : ''),
      yesNo(r.blacklisted),
      yesNo(r.subscribed),
      r.openid,
      r.unionid ?? '',
    ]),
  );
}
