// User tags of one account: one membership bitmap per tag (125 kB per tag at a million followers),
// so tagging, membership tests and paging through a tag are all cheap.

import { RESERVED_GROUP } from '#contract/reservedGroups';
import type { FollowerStore } from './followerStore';
import { hash3 } from './random';

export const STAR_TAG_ID = RESERVED_GROUP.starred;
export const STAR_TAG_NAME = '星标组';
export const FIRST_CUSTOM_TAG_ID = 100;
/** WeChat's limit of tags on one follower (45059). */
export const MAX_TAGS_PER_USER = 20;

export interface Tag {
  id: number;
  name: string;
  count: number;
  bits: Uint32Array;
}

export class TagStore {
  /** insertion order = tags/get order: 星标组 first, then custom tags by id */
  readonly tags = new Map<number, Tag>();
  nextId = FIRST_CUSTOM_TAG_ID;
  /** Tags created through tags/create that answer 45159 to this many more membership calls. */
  readonly stale = new Map<number, number>();

  constructor(
    private readonly followers: FollowerStore,
    /** 'sparse': ids grow by irregular steps (real accounts show ids like 29846) */
    private readonly ids: 'sparse' | 'sequential' = 'sparse',
    private readonly key = 0,
  ) {
    this.tags.set(STAR_TAG_ID, this.newTag(STAR_TAG_ID, STAR_TAG_NAME));
    followers.onGrow = (capacity) => {
      for (const tag of this.tags.values()) {
        const bits = new Uint32Array(wordsFor(capacity));
        bits.set(tag.bits);
        tag.bits = bits;
      }
    };
  }

  get customCount(): number {
    return this.tags.size - 1;
  }

  create(name: string): Tag {
    const id = this.nextId;
    this.nextId += this.ids === 'sparse' ? 1 + (hash3(this.key, id, 0x74676964) % 2500) : 1;
    const tag = this.newTag(id, name);
    this.tags.set(tag.id, tag);
    return tag;
  }

  get(id: number): Tag | undefined {
    return this.tags.get(id);
  }

  findByName(name: string): Tag | undefined {
    for (const tag of this.tags.values()) if (tag.name === name) return tag;
    return undefined;
  }

  has(tag: Tag, i: number): boolean {
    return (tag.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** Returns false when the follower already had the tag. */
  add(tag: Tag, i: number): boolean {
    if (this.has(tag, i)) return false;
    tag.bits[i >>> 5] |= 1 << (i & 31);
    tag.count++;
    this.followers.tagCount[i]++;
    return true;
  }

  remove(tag: Tag, i: number): boolean {
    if (!this.has(tag, i)) return false;
    tag.bits[i >>> 5] &= ~(1 << (i & 31));
    tag.count--;
    this.followers.tagCount[i]--;
    return true;
  }

  delete(id: number): void {
    const tag = this.tags.get(id);
    if (!tag) return;
    this.forEachMember(tag, 0, (i) => {
      this.followers.tagCount[i]--;
      return true;
    });
    this.tags.delete(id);
    this.stale.delete(id);
  }

  /** Tag ids of one follower, in tags/get order. */
  tagIdsOf(i: number): number[] {
    const ids: number[] = [];
    if (this.followers.tagCount[i] === 0) return ids;
    for (const tag of this.tags.values()) if (this.has(tag, i)) ids.push(tag.id);
    return ids;
  }

  removeAllFrom(i: number): void {
    if (this.followers.tagCount[i] === 0) return;
    for (const tag of this.tags.values()) this.remove(tag, i);
  }

  /** Visits members with index >= from in index order until visit returns false. */
  forEachMember(tag: Tag, from: number, visit: (i: number) => boolean): void {
    const bits = tag.bits;
    for (let w = from >>> 5; w < bits.length; w++) {
      let word = bits[w];
      if (word === 0) continue;
      if (w === from >>> 5) word &= ~((1 << (from & 31)) - 1);
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        if (!visit((w << 5) | bit)) return;
      }
    }
  }

  private newTag(id: number, name: string): Tag {
    return { id, name, count: 0, bits: new Uint32Array(wordsFor(this.followers.capacity)) };
  }
}

function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}
