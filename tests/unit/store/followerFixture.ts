// Deterministic follower data for the store's tests and the query benchmark, and a plain
// in-memory reference implementation of the query to compare the store against.
import type { GroupApi } from '#contract/accounts';
import type { FollowerQuery } from '#contract/followers';
import type { AccountDb, FollowerUpsert } from '../../../electron/core/store';
import { SUBSCRIBE_SCENES } from '#contract/scenes';

export interface FixtureFollower {
  openid: string;
  subscribed: boolean;
  subscribeTime: number | null;
  scene: string | null;
  remark: string;
  note: string;
  blacklisted: boolean;
  tags: number[];
  /** Legacy group; null = no row at all (counts as group 0). */
  legacyGroup: number | null;
}

/** mulberry32: tiny, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚';
const TITLES = ['先生', '女士', '老师', '姐', '哥', '总', '阿姨', '师傅'];
const LATIN = ['Tom', 'Lucy', 'Jack', 'amy', 'KEVIN', 'Mike', 'Anna', 'David', 'Coco', 'Leo'];
export const SCENES: readonly string[] = SUBSCRIBE_SCENES;
const SCENE_WEIGHTS = [30, 3, 12, 25, 8, 3, 1, 5, 2, 2, 4, 2, 3];

/** Tag ids with the share of followers carrying each: 2 is 星标组, the rest custom tags. */
export const FIXTURE_TAGS: readonly [number, number][] = [
  [2, 0.004],
  [100, 0.3],
  [101, 0.2],
  [102, 0.12],
  [103, 0.08],
  [104, 0.06],
  [105, 0.05],
  [106, 0.03],
  [107, 0.02],
  [108, 0.01],
];
export const FIXTURE_LEGACY_GROUPS = [0, 1, 2, 100, 101, 102, 103, 104];
export const OPENID_PREFIX = 'oX3kQ_';
/** Subscribe times end here (unix seconds) and reach back ~6 years, more of them recent. */
export const FIXTURE_END_TIME = 1_750_000_000;

export function generateFollowers(count: number, seed = 1): FixtureFollower[] {
  const random = seededRandom(seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(random() * list.length)];
  const span = 6 * 365 * 86400;
  const out: FixtureFollower[] = [];
  for (let i = 0; i < count; i++) {
    let openid = OPENID_PREFIX;
    for (let k = 0; k < 22; k++) openid += ALPHABET[Math.floor(random() * 64)];
    // Whole minutes, so that equal subscribe times (ties broken by openid) really occur.
    const subscribeTime = FIXTURE_END_TIME - Math.floor((span * (1 - Math.sqrt(random()))) / 60) * 60;
    let s = random() * 100;
    let scene = 0;
    while (s >= SCENE_WEIGHTS[scene]) s -= SCENE_WEIGHTS[scene++];
    const r = random();
    let remark = '';
    if (r < 1 / 3) {
      const k = random();
      remark =
        k < 0.4
          ? pick(SURNAMES) + pick(GIVEN)
          : k < 0.7
            ? pick(SURNAMES) + pick(GIVEN) + pick(GIVEN)
            : k < 0.9
              ? pick(SURNAMES) + pick(TITLES)
              : `老${pick(SURNAMES)}-${pick(LATIN)}`;
    } else if (r < 0.45) {
      remark = `${pick(LATIN)} ${Math.floor(random() * 1000)}`;
    }
    const note =
      random() < 0.05 ? `客户 ${pick(SURNAMES)}${pick(GIVEN)} Tel ${Math.floor(random() * 1e8)}` : '';
    const tags: number[] = [];
    for (const [id, share] of FIXTURE_TAGS) if (random() < share) tags.push(id);
    const g = random();
    const legacyGroup = g < 0.05 ? null : g < 0.7 ? 0 : pick(FIXTURE_LEGACY_GROUPS);
    const subscribed = random() < 0.97;
    // A few who left before the cache saw their details: no time, no scene.
    const unknown = !subscribed && random() < 0.3;
    out.push({
      openid,
      subscribed,
      subscribeTime: unknown ? null : subscribeTime,
      scene: unknown ? null : SCENES[scene],
      remark,
      note,
      blacklisted: random() < 0.01,
      tags,
      legacyGroup,
    });
  }
  return out;
}

/** Writes the fixture through the store's own API (tags and legacy memberships, notes). */
export function loadFixture(db: AccountDb, followers: readonly FixtureFollower[]): void {
  db.transaction(() => {
    db.followers.upsertMany(
      followers.map((f): FollowerUpsert => ({
        openid: f.openid,
        subscribed: f.subscribed,
        subscribeTime: f.subscribeTime,
        scene: f.scene,
        remark: f.remark,
        blacklisted: f.blacklisted,
        language: 'zh_CN',
        groupIds: f.tags,
        groupApi: 'tags',
      })),
      'fixture',
    );
    // Legacy groups through the move operation, one call per group.
    const byGroup = new Map<number, string[]>();
    for (const f of followers) {
      if (f.legacyGroup === null) continue;
      const members = byGroup.get(f.legacyGroup) ?? [];
      members.push(f.openid);
      byGroup.set(f.legacyGroup, members);
    }
    for (const [group, members] of byGroup) db.followers.moveToGroup(members, 'groups', group);
    for (const f of followers) if (f.note) db.followers.setNote(f.openid, f.note);
  });
}

// ---- the reference: obviously-correct, slow ------------------------------------------------

function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function groupsOf(f: FixtureFollower, api: GroupApi): number[] {
  if (api === 'tags') return f.tags;
  return f.legacyGroup === null || f.legacyGroup === 0 ? [0] : [f.legacyGroup];
}

function isUngrouped(f: FixtureFollower, api: GroupApi): boolean {
  return api === 'tags' ? f.tags.length === 0 : f.legacyGroup === null || f.legacyGroup === 0;
}

export function referenceFilter(f: FixtureFollower, q: FollowerQuery, api: GroupApi): boolean {
  if (f.subscribed !== q.subscribed) return false;
  if (q.blacklisted !== undefined && f.blacklisted !== q.blacklisted) return false;
  if (q.subscribedFrom !== undefined && (f.subscribeTime === null || f.subscribeTime < q.subscribedFrom))
    return false;
  if (q.subscribedTo !== undefined && (f.subscribeTime === null || f.subscribeTime > q.subscribedTo))
    return false;
  if (q.scenes && q.scenes.length > 0 && (f.scene === null || !q.scenes.includes(f.scene))) return false;
  if (q.groups) {
    const mine = groupsOf(f, api);
    const { mode, ids } = q.groups;
    if (mode === 'none' && ids.length === 0) {
      if (!isUngrouped(f, api)) return false;
    } else if (ids.length > 0) {
      if (mode === 'any' && !ids.some((id) => mine.includes(id))) return false;
      if (mode === 'all' && !ids.every((id) => mine.includes(id))) return false;
      if (mode === 'none' && ids.some((id) => mine.includes(id))) return false;
    }
  }
  if (q.text) {
    // The shortened openid a row shows ("oJf8CJ…M9D0") finds that follower by both ends.
    const short = /^([\w-]+)…([\w-]+)$/.exec(q.text);
    if (short) return f.openid.startsWith(short[1] ?? '') && f.openid.endsWith(short[2] ?? '');
    const t = fold(q.text);
    const tail = /^[\w-]{3,}$/.test(q.text) && f.openid.endsWith(q.text);
    if (!fold(f.remark).includes(t) && !fold(f.note).includes(t) && !f.openid.startsWith(q.text) && !tail)
      return false;
  }
  return true;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function referenceCompare(q: FollowerQuery): (a: FixtureFollower, b: FixtureFollower) => number {
  const sign = q.sort.dir === 'asc' ? 1 : -1;
  const folded = new Map<FixtureFollower, string>();
  const remarkKey = (f: FixtureFollower) => {
    let key = folded.get(f);
    if (key === undefined) folded.set(f, (key = fold(f.remark)));
    return key;
  };
  return (a, b) => {
    if (q.sort.by === 'subscribeTime') {
      if ((a.subscribeTime === null) !== (b.subscribeTime === null)) return a.subscribeTime === null ? 1 : -1;
      const byTime = (a.subscribeTime ?? 0) - (b.subscribeTime ?? 0);
      return sign * (byTime || compareText(a.openid, b.openid));
    }
    if ((a.remark === '') !== (b.remark === '')) return a.remark === '' ? 1 : -1;
    return sign * (compareText(remarkKey(a), remarkKey(b)) || compareText(a.openid, b.openid));
  };
}

/** Full sorted match lists by query (without its window), so that several windows cost one sort. */
const sortedMatches = new WeakMap<readonly FixtureFollower[], Map<string, FixtureFollower[]>>();

export function referenceQuery(
  followers: readonly FixtureFollower[],
  q: FollowerQuery,
  api: GroupApi,
): { total: number; openids: string[] } {
  let cache = sortedMatches.get(followers);
  if (!cache) sortedMatches.set(followers, (cache = new Map()));
  const key = JSON.stringify({ ...q, offset: 0, limit: 0, api, n: followers.length });
  let matches = cache.get(key);
  if (!matches) {
    matches = followers.filter((f) => referenceFilter(f, q, api)).sort(referenceCompare(q));
    cache.set(key, matches);
  }
  return { total: matches.length, openids: matches.slice(q.offset, q.offset + q.limit).map((f) => f.openid) };
}

/** Forget memoised results (for data that is edited between queries). */
export function clearReferenceCache(followers: readonly FixtureFollower[]): void {
  sortedMatches.delete(followers);
}
