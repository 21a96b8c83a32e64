// Followers of one account as a struct of arrays: a million followers fit in a few typed arrays.
// Openids, unionids, languages, QR scenes and seeded remarks are derived from the index on demand;
// only what tests or clients change is stored (remark overrides).

import { SUBSCRIBE_SCENES } from '#contract/scenes';
import { OpenidCodec } from './openids';
import { hash3, unit } from './random';
import { seededRemark } from './seed';

export const SCENES = SUBSCRIBE_SCENES;
export const QR_SCENE_INDEX = 3;

/** More than MAX_FOLLOWERS: an index fits below it in a packed order key. */
const ORDER_SLOTS = 2 ** 21;

const SUBSCRIBED = 1;
const BLACKLISTED = 2;

const QR_SCENE_STRS = ['', 'store_chaoyang', 'poster_2025_spring', 'expo_booth_a', 'invite_member', ''];

export class FollowerStore {
  size = 0;
  subscribedCount = 0;
  blacklistedCount = 0;
  flags: Uint8Array;
  subscribeTime: Uint32Array;
  groupId: Int32Array;
  scene: Uint8Array;
  tagCount: Uint8Array;
  /** followers below this index carry a seeded remark unless overridden */
  seededCount = 0;
  readonly remarks = new Map<number, string>();
  /** called with the new capacity when the arrays grow (tag bitmaps follow) */
  onGrow: (capacity: number) => void = () => {};
  /** every index in user/get's stable order, rebuilt after followers are added */
  private order: Float64Array | null = null;

  constructor(
    readonly codec: OpenidCodec,
    readonly unionCodec: OpenidCodec | null,
    private readonly key: number,
    capacity: number,
  ) {
    const cap = Math.max(16, capacity);
    this.flags = new Uint8Array(cap);
    this.subscribeTime = new Uint32Array(cap);
    this.groupId = new Int32Array(cap);
    this.scene = new Uint8Array(cap);
    this.tagCount = new Uint8Array(cap);
  }

  get capacity(): number {
    return this.flags.length;
  }

  /** Appends a follower; returns its index. */
  add(subscribeTime: number, scene: number, subscribed = true): number {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.subscribeTime[i] = subscribeTime;
    this.scene[i] = scene;
    if (subscribed) {
      this.flags[i] = SUBSCRIBED;
      this.subscribedCount++;
    }
    return i;
  }

  isSubscribed(i: number): boolean {
    return (this.flags[i] & SUBSCRIBED) !== 0;
  }

  isBlacklisted(i: number): boolean {
    return (this.flags[i] & BLACKLISTED) !== 0;
  }

  setSubscribed(i: number, on: boolean): void {
    if (this.isSubscribed(i) === on) return;
    this.flags[i] ^= SUBSCRIBED;
    this.subscribedCount += on ? 1 : -1;
  }

  setBlacklisted(i: number, on: boolean): void {
    if (this.isBlacklisted(i) === on) return;
    this.flags[i] ^= BLACKLISTED;
    this.blacklistedCount += on ? 1 : -1;
  }

  openid(i: number): string {
    return this.codec.encode(i);
  }

  /** Index of one of this account's openids (issued so far), or -1. */
  indexOf(openid: string): number {
    const i = this.codec.decode(openid);
    return i >= 0 && i < this.size ? i : -1;
  }

  unionid(i: number): string | undefined {
    return this.unionCodec?.encode(i);
  }

  remark(i: number): string {
    const own = this.remarks.get(i);
    if (own !== undefined) return own;
    return i < this.seededCount ? seededRemark(this.key, i) : '';
  }

  setRemark(i: number, remark: string): void {
    this.remarks.set(i, remark);
  }

  sceneName(i: number): string {
    return SCENES[this.scene[i]] ?? 'ADD_SCENE_OTHERS';
  }

  language(i: number): string {
    const u = unit(hash3(this.key, i, 0x6c616e67));
    return u < 0.92 ? 'zh_CN' : u < 0.95 ? 'zh_TW' : u < 0.99 ? 'en' : 'zh_HK';
  }

  /** Channel QR codes carry a numeric scene or a string scene (never both). */
  qrScene(i: number): { qrScene: number; qrSceneStr: string } {
    if (this.scene[i] !== QR_SCENE_INDEX) return { qrScene: 0, qrSceneStr: '' };
    const h = hash3(this.key, i, 0x71727363);
    const str = QR_SCENE_STRS[h % QR_SCENE_STRS.length];
    return str ? { qrScene: 0, qrSceneStr: str } : { qrScene: 1000 + ((h >>> 8) % 24), qrSceneStr: '' };
  }

  /**
   * user/get's default order: fixed, but not subscription order (doc §4.1), so a new follower
   * lands anywhere in it. The key is a keyed hash of the index with the index in its low bits.
   */
  private orderKey(i: number): number {
    return (hash3(this.key, i, 0x6f726472) >>> 0) * ORDER_SLOTS + i;
  }

  private stableOrder(): Float64Array {
    if (this.order?.length !== this.size) {
      const keys = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) keys[i] = this.orderKey(i);
      this.order = keys.sort();
    }
    return this.order;
  }

  /** Followers `include` accepts, in stable order, after follower `after` (-1: from the start). */
  stablePage(after: number, size: number, include: (i: number) => boolean): number[] {
    const order = this.stableOrder();
    let lo = 0;
    if (after >= 0) {
      const key = this.orderKey(after);
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (order[mid] <= key) lo = mid + 1;
        else hi = mid;
      }
    }
    const out: number[] = [];
    for (let p = lo; p < order.length && out.length < size; p++) {
      const i = order[p] % ORDER_SLOTS;
      if (include(i)) out.push(i);
    }
    return out;
  }

  /** Every index in the order user/get lists them. */
  inListOrder(stable: boolean): number[] {
    if (!stable) return Array.from({ length: this.size }, (_, i) => i);
    return Array.from(this.stableOrder(), (k) => k % ORDER_SLOTS);
  }

  private grow(): void {
    const cap = Math.ceil(this.capacity * 1.5) + 16;
    this.flags = growArray(this.flags, new Uint8Array(cap));
    this.subscribeTime = growArray(this.subscribeTime, new Uint32Array(cap));
    this.groupId = growArray(this.groupId, new Int32Array(cap));
    this.scene = growArray(this.scene, new Uint8Array(cap));
    this.tagCount = growArray(this.tagCount, new Uint8Array(cap));
    this.onGrow(cap);
  }
}

function growArray<T extends Uint8Array | Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
