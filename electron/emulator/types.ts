// Public types of the WeChat API emulator. The lead's client tests, the demo account and the
// benchmarks are written against these names: extend, never rename.

export type AccountKind = 'service' | 'subscription' | 'unverified' | 'test';

export interface AppSpec {
  /** 'wx' + 16 hex */
  appid: string;
  /** 32 hex */
  secret: string;
  /** default 'service' (a verified service account) */
  kind?: AccountKind;
  /** default 1000 (100 for 'test' accounts), up to 1 000 000 */
  followers?: number;
  /** default: the emulator seed */
  seed?: number;
  /** seed a few realistic Chinese tags and legacy groups with members (default true) */
  tags?: boolean;
  /** bound to an Open Platform account, so user/info carries `unionid` (default: true except 'test') */
  unionid?: boolean;
  /**
   * 'sparse' (default): custom tag ids grow by irregular steps into the thousands, as on real
   * accounts (29846 seen); 'sequential': 100, 101, 102…
   */
  tagIds?: 'sparse' | 'sequential';
}

export interface EmulatorOptions {
  /** default 0 (a free port); the server always listens on 127.0.0.1 */
  port?: number;
  /** default 1; all generated data is deterministic from it */
  seed?: number;
  apps?: AppSpec[];
  /** clock start, ms since epoch (default DEFAULT_START_TIME) */
  startTime?: number;
  /** how many call records to keep (oldest dropped first); default 200 000 */
  callLogLimit?: number;
  /**
   * The control surface over HTTP (`/__emulator/`): 'open' (default, tests and the CLI), 'off'
   * (the demo inside the app: only the in-process `control`), or `{ token }`: every control
   * request must carry `Authorization: Bearer <token>`.
   */
  controlHttp?: 'open' | 'off' | { token: string };
  /**
   * Host names (without port) the server answers; any other Host header gets HTTP 421. Default:
   * any host (tests map api / api2 / sh / sz / hk .weixin.qq.com here). The demo sets it, so a web
   * page cannot reach the emulator through a name it rebinds to 127.0.0.1.
   */
  allowedHosts?: readonly string[];
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  port: number;
  control: EmulatorControl;
  /** closes the server and every open socket */
  close(): Promise<void>;
}

export interface CallRecord {
  /** emulator clock, ms */
  time: number;
  /** Host header without the port ('' when absent) */
  host: string;
  method: string;
  /** path without the query string */
  path: string;
  appid: string | null;
  bodyBytes: number;
  /**
   * The errcode answered; 0 for success (also data responses without errcode). Transport-level
   * outcomes use negative values that WeChat never sends: see CALL_RESET, CALL_HTTP_502,
   * CALL_HTTP_413.
   */
  errcode: number;
}

export interface IpWhitelistSettings {
  enabled: boolean;
  /** the caller IP WeChat "sees" */
  seenIp: string;
  /** 'all': every endpoint checks (default, as WeChat does since 2025); 'token': only the token endpoints */
  scope: 'token' | 'all';
  /** errmsg format: 'ipv6' (today), 'hint' (older servers), 'plain' (no ipv6 part) */
  variant: 'ipv6' | 'hint' | 'plain';
  /** IPv4 addresses or CIDR ranges ('1.2.3.*' is refused, as the console refuses it) */
  allowed: string[];
  /**
   * A change to `allowed` takes effect this many ms (emulator clock) after it is made, as the
   * console's "a few minutes"; until then the previous list applies. Default 0.
   */
  applyDelayMs: number;
  /** set by configure() when a change is waiting for applyDelayMs; not part of a patch */
  pending?: { allowed: string[]; at: number };
  /** 40164 (default, every log) or 61004 (one passage of the new guide) */
  errcode?: 40164 | 61004;
}

export interface EmulatorSettings {
  ipWhitelist: IpWhitelistSettings;
  /** IP risk confirmation on token endpoints */
  ipConfirm: 'off' | '89503' | '89501' | '89506' | '89507';
  /** how the 30 limit on tag names is counted (default 'chars') */
  tagNameRule: 'chars' | 'bytes';
  /** how the remark limit (< 30) is counted (default 'bytes') */
  remarkRule: 'bytes' | 'chars';
  /** custom tags per account (default 100) */
  maxTags: number;
  /** custom legacy groups per account (default 500) */
  maxLegacyGroups: number;
  blacklistPageSize: number;
  userGetPageSize: number;
  tagMemberPageSize: number;
  /** tags/delete refuses tags with more followers than this (45057) */
  tagDeleteMaxFans: number;
  /** daily limit overrides per cgi path, e.g. {'/cgi-bin/user/get': 500} */
  quotas: Partial<Record<string, number>>;
  /** per-minute limits per cgi path (45011) */
  minuteQuotas: Partial<Record<string, number>>;
  /** 'reject' (default): `\uXXXX` escapes of non-ASCII text or invalid UTF-8 give 40033 */
  unicodeEscapes: 'reject' | 'accept';
  /**
   * user/get order: 'stable' (default) a fixed order that is not subscription order, new followers
   * land anywhere in it; 'subscription': oldest first, new followers at the end (old emulator)
   */
  userGetOrder: 'stable' | 'subscription';
  /** user/info and batchget carry `language` (default false: "该字段不再提供") */
  userInfoLanguage: boolean;
  /** who may call updateremark: 'service' (default, verified service accounts) or 'verified' (subscription too) */
  remarkAccess: 'service' | 'verified';
  /** a tag created through tags/create answers 45159 to its first N membership calls (default 1; 0 = never) */
  newTagStaleCalls: number;
  /** daily limits rise with the follower count (×2 from 100 000, ×5 from 1 000 000); default true */
  quotaTiers: boolean;
}

/** A patch for configure(): top-level keys replace, ipWhitelist/quotas/minuteQuotas merge. */
export type EmulatorSettingsPatch = Partial<Omit<EmulatorSettings, 'ipWhitelist'>> & {
  /** `pending` is the emulator's own bookkeeping: configure() refuses it */
  ipWhitelist?: Partial<IpWhitelistSettings>;
};

export type FaultSpec = { appid?: string; path?: string; host?: string } & (
  | { kind: 'latency'; ms: number; jitterMs?: number }
  | { kind: 'randomError'; rate: number; errcode?: number }
  | { kind: 'reset'; count?: number; rate?: number; after?: boolean }
  | { kind: 'http502'; count?: number; rate?: number; after?: boolean }
  | { kind: 'errcode'; errcode: number; count: number; errmsg?: string }
  | { kind: 'openidBusy'; count: number }
  | { kind: 'partialFail'; openids?: string[]; rate?: number; count?: number }
  /** 45159 on tagging / untagging at `rate`: WeChat's answer to concurrent tag changes on one user */
  | { kind: 'tagRace'; rate: number; count?: number }
  | { kind: 'hostDown'; host: string }
);

export interface FollowerView {
  openid: string;
  subscribed: boolean;
  /** unix seconds */
  subscribeTime: number;
  remark: string;
  tagIds: number[];
  groupId: number;
  blacklisted: boolean;
  scene: string;
  qrScene: number;
  qrSceneStr: string;
  language: string;
  unionid?: string;
}

export interface AppStateView {
  appid: string;
  kind: AccountKind;
  /** subscribed followers */
  followerCount(): number;
  follower(openid: string): FollowerView | undefined;
  /** in user/get order */
  openids(options?: { subscribedOnly?: boolean }): string[];
  /** custom tags and 星标组 (id 2), as tags/get lists them */
  tags(): { id: number; name: string; count: number }[];
  tagMembers(tagId: number): string[];
  legacyGroups(): { id: number; name: string; count: number }[];
  blacklist(): string[];
  /** daily counter of one cgi path */
  quotaUsed(path: string): number;
  // Mutations for tests (real-world change between syncs).
  follow(count: number): string[];
  unfollow(openids: string[]): void;
  setTags(openid: string, tagIds: number[]): void;
  createTag(name: string, members?: string[]): number;
  /** as if deleted in the console: gone from every follower */
  deleteTag(tagId: number): void;
  setRemark(openid: string, remark: string): void;
  setBlacklisted(openid: string, blacklisted: boolean): void;
}

export interface EmulatorControl {
  now(): number;
  advance(ms: number): void;
  setTime(ms: number): void;
  calls(filter?: { path?: string; appid?: string }): CallRecord[];
  clearCalls(): void;
  configure(patch: EmulatorSettingsPatch, appid?: string): void;
  settings(appid?: string): EmulatorSettings;
  addFault(fault: FaultSpec): string;
  removeFault(id: string): void;
  clearFaults(): void;
  addApp(spec: AppSpec): void;
  apps(): { appid: string; secret: string; kind: AccountKind }[];
  state(appid?: string): AppStateView;
  reset(): void;
}
