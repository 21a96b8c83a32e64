// Everything one emulated Official Account holds: followers, tags, legacy groups, quotas.

import type { Clock } from './clock';
import { WxError } from './errors';
import { FollowerStore } from './followerStore';
import { GroupStore } from './groupStore';
import { OpenidCodec, isWellFormedOpenid } from './openids';
import { QuotaBook } from './quotas';
import { hash3, hashString } from './random';
import { seedApp } from './seed';
import { TagStore } from './tagStore';
import type { AccountKind, AppSpec } from './types';

export const MAX_FOLLOWERS = 1_000_000;

export interface AppConfig {
  appid: string;
  secret: string;
  kind: AccountKind;
  followers: number;
  seed: number;
  tags: boolean;
  unionid: boolean;
  tagIds: 'sparse' | 'sequential';
}

export function appConfig(spec: AppSpec, emulatorSeed: number): AppConfig {
  if (!/^wx[0-9a-f]{16}$/.test(spec.appid)) throw new Error(`appid must be 'wx' + 16 hex: ${spec.appid}`);
  if (!/^[0-9a-f]{32}$/.test(spec.secret)) throw new Error('secret must be 32 hex characters');
  const kind = spec.kind ?? 'service';
  const followers = spec.followers ?? (kind === 'test' ? 100 : 1000);
  if (!Number.isInteger(followers) || followers < 0 || followers > MAX_FOLLOWERS) {
    throw new Error(`followers must be an integer in 0..${MAX_FOLLOWERS}`);
  }
  return {
    appid: spec.appid,
    secret: spec.secret,
    kind,
    followers,
    seed: spec.seed ?? emulatorSeed,
    tags: spec.tags ?? true,
    unionid: spec.unionid ?? kind !== 'test',
    tagIds: spec.tagIds ?? 'sparse',
  };
}

export class AppState {
  readonly key: number;
  readonly followers: FollowerStore;
  readonly tags: TagStore;
  readonly groups = new GroupStore();
  readonly quotas: QuotaBook;
  /** 89503 mode: the first token call asks the admin, later ones are "pending" (89501) */
  ipConfirmAsked = false;

  constructor(
    readonly config: AppConfig,
    clock: Clock,
    startTime: number,
    /** does another app of this emulator own this openid? (49003 vs 40003) */
    private readonly foreign: (openid: string, self: AppState) => boolean,
  ) {
    this.key = hash3(hashString(config.appid), config.seed >>> 0, 0x61707073);
    const codec = new OpenidCodec(this.key);
    const unionCodec = config.unionid ? new OpenidCodec(hash3(this.key, 0x756e696f)) : null;
    this.followers = new FollowerStore(codec, unionCodec, this.key, config.followers);
    this.tags = new TagStore(this.followers, config.tagIds, this.key);
    this.quotas = new QuotaBook(clock);
    seedApp(this, { followers: config.followers, withTags: config.tags, startTime });
  }

  get appid(): string {
    return this.config.appid;
  }

  /** Index of an openid of this account, or the WeChat error for it (40003 / 49003). */
  indexOrError(openid: unknown): number | WxError {
    if (!isWellFormedOpenid(openid)) return new WxError(40003);
    const i = this.followers.indexOf(openid);
    if (i >= 0) return i;
    return new WxError(this.foreign(openid, this) ? 49003 : 40003);
  }

  /** As indexOrError, throwing. */
  index(openid: unknown): number {
    const r = this.indexOrError(openid);
    if (r instanceof WxError) throw r;
    return r;
  }

  /** Removes a follower's tags and marks them unfollowed (WeChat reports tagid_list [] after). */
  unfollow(i: number): void {
    this.tags.removeAllFrom(i);
    this.followers.setBlacklisted(i, false);
    this.followers.setSubscribed(i, false);
  }
}
