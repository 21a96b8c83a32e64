import type { GroupApi } from '#contract/accounts';
import type { FollowerGroupFilter, FollowerQuery } from '#contract/followers';
import { andInto, orInto, wordsFor } from './bitset';
import type { FollowerIndex, Membership } from './followerIndex';
import { RESERVED_GROUP } from '#contract/reservedGroups';

/** The filter part of a query (no sort, no window). */
export type FollowerFilter = Omit<FollowerQuery, 'sort' | 'offset' | 'limit'>;

export interface QueryWindow {
  /** Followers matching the filter. */
  total: number;
  /** Slots of the requested window, in order. */
  slots: number[];
}

/**
 * Evaluates a query over the in-memory index in one pass along the chosen sort order: every
 * filter is a typed-array lookup (groups are combined into one bitset first, text search marks its
 * hits first), so the cost is ~n array reads whatever the mix of filters, and `total` comes free.
 */
export function evaluateQuery(
  index: FollowerIndex,
  query: FollowerFilter & Partial<Pick<FollowerQuery, 'sort' | 'offset' | 'limit'>>,
  api: GroupApi,
  /** Followers the caller looked up outside the index (the QR-code filter): marks[slot] = 1. */
  only: Uint8Array | null = null,
): QueryWindow {
  const size = index.size;
  const sort = query.sort ?? { by: 'subscribeTime', dir: 'desc' };
  const offset = query.offset ?? 0;
  const end = offset + (query.limit ?? 0);

  const wantSubscribed = query.subscribed ? 1 : 0;
  const wantBlacklisted = query.blacklisted === undefined ? -1 : query.blacklisted ? 1 : 0;
  const hasRange = query.subscribedFrom !== undefined || query.subscribedTo !== undefined;
  const from = query.subscribedFrom ?? -Infinity;
  const to = query.subscribedTo ?? Infinity;
  const scenes = sceneFilter(index, query.scenes);
  const groups = groupFilter(index, api, query.groups);
  const text = query.text ? textFilter(index, query.text) : null;

  const { subscribed, blacklisted, time, scene } = index;
  const order = (sort.by === 'remark' ? index.byRemark : index.byTime).ensure(size);
  const { slots, keyed } = order;
  const ascending = sort.dir === 'asc';
  const window: number[] = [];
  let total = 0;
  for (let k = 0; k < size; k++) {
    // Descending walks the keyed part backwards, then the key-less part backwards (still last).
    const slot = ascending ? slots[k] : k < keyed ? slots[keyed - 1 - k] : slots[size - 1 - (k - keyed)];
    if (subscribed[slot] !== wantSubscribed) continue;
    if (only !== null && only[slot] !== 1) continue;
    if (wantBlacklisted !== -1 && blacklisted[slot] !== wantBlacklisted) continue;
    if (hasRange) {
      const t = time[slot];
      if (!(t >= from && t <= to)) continue;
    }
    if (scenes !== null && scenes[scene[slot]] !== 1) continue;
    if (groups !== null) {
      if (groups.ungrouped !== null) {
        if (groups.ungrouped[slot] !== 0) continue;
      } else if (((groups.mask[slot >>> 5] >>> (slot & 31)) & 1) !== groups.want) continue;
    }
    if (text !== null && text[slot] !== 1) continue;
    if (total >= offset && total < end) window.push(slot);
    total++;
  }
  return { total, slots: window };
}

/** allowed[sceneCode] = 1 for the requested scenes; null when not filtering. */
function sceneFilter(index: FollowerIndex, scenes: string[] | undefined): Uint8Array | null {
  if (!scenes || scenes.length === 0) return null;
  const allowed = new Uint8Array(index.sceneCount + 1);
  for (const name of scenes) {
    const code = index.sceneCode(name);
    if (code !== undefined) allowed[code] = 1;
  }
  return allowed;
}

interface GroupTest {
  /** Per slot: 0 means in no group (set for mode 'none' without ids). */
  ungrouped: Uint8Array | null;
  mask: Uint32Array;
  /** The mask bit a matching slot has. */
  want: 0 | 1;
}

function groupFilter(
  index: FollowerIndex,
  api: GroupApi,
  filter: FollowerGroupFilter | undefined,
): GroupTest | null {
  if (!filter) return null;
  const membership = index.membership(api);
  if (filter.ids.length === 0) {
    return filter.mode === 'none'
      ? { ungrouped: membership.grouped, mask: new Uint32Array(0), want: 1 }
      : null;
  }
  const words = wordsFor(index.size);
  const mask = new Uint32Array(words);
  if (filter.mode === 'all') mask.fill(0xffffffff);
  for (const id of new Set(filter.ids)) {
    const bits = memberBits(index, api, membership, id);
    if (filter.mode === 'all') andInto(mask, bits);
    else orInto(mask, bits);
  }
  return { ungrouped: null, mask, want: filter.mode === 'none' ? 0 : 1 };
}

/** A group's members as words; for the legacy API, group 0 (未分组) also holds followers in no group. */
function memberBits(index: FollowerIndex, api: GroupApi, membership: Membership, id: number): Uint32Array {
  const bits = membership.groups.get(id)?.words ?? new Uint32Array(0);
  if (api !== 'groups' || id !== RESERVED_GROUP.ungrouped) return bits;
  const words = new Uint32Array(wordsFor(index.size));
  words.set(bits.subarray(0, words.length));
  const { grouped } = membership;
  for (let slot = 0; slot < index.size; slot++) {
    if (grouped[slot] === 0) words[slot >>> 5] |= 1 << (slot & 31);
  }
  return words;
}

/** An openid as a row shows it, start…end (see shortOpenid in the renderer). */
const SHORT_OPENID = /^([\w-]+)…([\w-]+)$/;
/** Enough of an openid's tail to be worth a scan of every openid. */
const OPENID_TAIL = /^[\w-]{3,}$/;

/**
 * marks[slot] = 1 where the remark or note contains the text, or the openid starts or ends with
 * it: with no nicknames since 2021 a row shows "oJf8CJ…M9D0", and either end (or the whole
 * shortened form, pasted) finds the follower.
 */
function textFilter(index: FollowerIndex, text: string): Uint8Array {
  const marks = new Uint8Array(index.size);
  const short = SHORT_OPENID.exec(text);
  if (short) {
    const heads = new Uint8Array(index.size);
    index.markOpenidPrefix(short[1] ?? '', heads);
    index.markOpenidSuffix(short[2] ?? '', marks);
    for (let slot = 0; slot < marks.length; slot++) marks[slot] &= heads[slot] ?? 0;
    return marks;
  }
  index.markText(text, marks);
  index.markOpenidPrefix(text, marks);
  if (OPENID_TAIL.test(text)) index.markOpenidSuffix(text, marks);
  return marks;
}
