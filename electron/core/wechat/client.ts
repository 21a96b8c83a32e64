import type { Dispatcher } from 'undici';
import { AppError } from '../appError';
import type { Logger } from '../ports';
import { HostRotation, WECHAT_HOSTS } from './hosts';
import { createDispatcher, hostsFor, type NetworkSetting } from './network';
import { TokenKeeper, type TokenAnswer } from './tokens';
import { exchange, NetworkFailure } from './transport';
import { WeChatError } from './wechatError';

export interface RetryOptions {
  /** Tries per request, counting failovers. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new try starts once this much time has gone by since the first. */
  maxTotalMs: number;
}

export interface WeChatClientOptions {
  appId: string;
  /** Read only when a token is needed; never kept by the client. */
  secret: () => Promise<string>;
  network?: NetworkSetting;
  /** WeChat's host list; tests and demo mode give http:// names resolved with `resolveTo`. */
  hosts?: readonly string[];
  resolveTo?: string;
  /** The system proxy for a URL (Electron's session.resolveProxy), used in 'system' mode. */
  resolveSystemProxy?: (url: string) => Promise<string | null>;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** How long to stay on a backup host before trying the primary again. */
  retryPrimaryAfterMs?: number;
  log?: Logger;
  /** Told after every exchange whether WeChat answered at all (any HTTP answer counts as online). */
  onReachability?: (online: boolean, reason?: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface CallSpec {
  method: 'GET' | 'POST';
  /** e.g. '/cgi-bin/tags/get' */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Safe to send twice (reads; tag, untag and blacklist writes). `tags/create` is not. */
  idempotent: boolean;
  /** false for the token endpoints themselves. */
  auth?: boolean;
  /** One try per host and no waiting (the reachability probe). */
  once?: boolean;
  /**
   * WeChat answers 45159 ("invalid tag id") for a while after a tag is created and under
   * concurrent tagging of one user: try again a few times before believing it.
   */
  staleTagRetries?: boolean;
}

/**
 * The probe's call: WeChat answers it (41001, access_token missing) before looking at a token or
 * a quota, so it costs nothing and needs no secret; any HTTP answer means WeChat is reachable.
 */
const PROBE: CallSpec = {
  method: 'GET',
  path: '/cgi-bin/getcallbackip',
  idempotent: true,
  auth: false,
  once: true,
};

/** Waits before each new try after a 45159 (ms): about two seconds in all. */
const STALE_TAG_WAITS_MS = [300, 600, 1_200];

/** A fresh token that is refused again within this window means someone else is force-refreshing. */
const FIGHT_WINDOW_MS = 60_000;

const defaultRetry: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 30_000,
};

/**
 * The WeChat client for one account: tokens, host failover, retries, errcode → typed errors.
 * Every endpoint module (api/*.ts) goes through `call`.
 */
export class WeChatClient {
  readonly appId: string;
  private readonly options: WeChatClientOptions;
  private readonly network: NetworkSetting;
  private readonly rotation: HostRotation;
  private readonly tokens: TokenKeeper;
  private readonly retry: RetryOptions;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private dispatcherPromise: Promise<Dispatcher> | null = null;

  constructor(options: WeChatClientOptions) {
    this.options = options;
    this.appId = options.appId;
    this.network = options.network ?? { mode: 'direct' };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retry = { ...defaultRetry, ...options.retry };
    this.rotation = new HostRotation(
      hostsFor(this.network, options.hosts ?? WECHAT_HOSTS),
      options.retryPrimaryAfterMs ?? 5 * 60_000,
      this.now,
    );
    this.tokens = new TokenKeeper(() => this.fetchStableToken(), this.now);
  }

  /** Calls an endpoint with the account's token, refreshing it once if WeChat says it is stale. */
  async call<T = unknown>(spec: CallSpec): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.callWithToken<T>(spec);
      } catch (err) {
        const wait = STALE_TAG_WAITS_MS[retry];
        const stale = err instanceof WeChatError && err.errcode === 45159;
        if (!spec.staleTagRetries || !stale || wait === undefined) throw err;
        this.options.log?.info('wechat 45159, trying again', { path: spec.path, retry: retry + 1 });
        await this.sleep(wait);
      }
    }
  }

  private async callWithToken<T>(spec: CallSpec): Promise<T> {
    if (spec.auth === false) return (await this.send(spec, undefined)) as T;
    const first = await this.tokens.get();
    try {
      return (await this.send(spec, first.value)) as T;
    } catch (err) {
      if (!(err instanceof WeChatError) || err.category !== 'token') throw err;
      this.tokens.invalidate(first.value);
    }
    const fresh = await this.tokens.get();
    try {
      return (await this.send(spec, fresh.value)) as T;
    } catch (err) {
      if (!(err instanceof WeChatError) || err.category !== 'token') throw err;
      this.tokens.invalidate(fresh.value);
      const fight = err.errcode === 40001 && this.now() - fresh.fetchedAt < FIGHT_WINDOW_MS;
      this.options.log?.warn('wechat token refused twice', {
        appId: this.appId,
        errcode: err.errcode,
        fight,
      });
      throw new AppError(fight ? 'TOKEN_FIGHT' : 'TOKEN_INVALID', {}, { wechat: err.wechat, cause: err });
    }
  }

  /** Gets a token now (the connection test uses this to check AppID and AppSecret). */
  async token(): Promise<void> {
    await this.tokens.get();
  }

  /** Whether WeChat answers at all right now (one try per host, no retries). */
  async reachable(): Promise<boolean> {
    try {
      await this.send(PROBE, undefined);
      return true;
    } catch (err) {
      return !(err instanceof AppError && (err.code === 'NETWORK' || err.code === 'TIMEOUT'));
    }
  }

  async close(): Promise<void> {
    const d = this.dispatcherPromise;
    this.dispatcherPromise = null;
    if (d) await (await d).close();
  }

  private async fetchStableToken(): Promise<TokenAnswer> {
    const secret = await this.options.secret();
    const answer = await this.send(
      {
        method: 'POST',
        path: '/cgi-bin/stable_token',
        // Normal mode only: force_refresh would knock out every other system using this account.
        body: { grant_type: 'client_credential', appid: this.appId, secret, force_refresh: false },
        idempotent: true,
        auth: false,
      },
      undefined,
    );
    const t = answer as Partial<TokenAnswer>;
    if (typeof t.access_token !== 'string' || typeof t.expires_in !== 'number') {
      throw new AppError('INTERNAL', { message: 'stable_token answered without a token' });
    }
    return { access_token: t.access_token, expires_in: t.expires_in };
  }

  private dispatcher(): Promise<Dispatcher> {
    this.dispatcherPromise ??= (async () => {
      let proxy: string | null = null;
      if (this.network.mode === 'proxy') proxy = this.network.proxyUrl;
      if (this.network.mode === 'system' && this.options.resolveSystemProxy) {
        proxy = await this.options.resolveSystemProxy(this.rotation.pick());
      }
      return createDispatcher(proxy, {
        connectTimeoutMs: this.options.connectTimeoutMs ?? 5_000,
        responseTimeoutMs: this.options.responseTimeoutMs ?? 15_000,
        ...(this.options.resolveTo ? { resolveTo: this.options.resolveTo } : {}),
      });
    })();
    return this.dispatcherPromise;
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return exp / 2 + (this.options.random ?? Math.random)() * (exp / 2);
  }

  /** One request with failover and retries; returns the JSON data or throws a typed error. */
  private async send(spec: CallSpec, token: string | undefined): Promise<unknown> {
    const dispatcher = await this.dispatcher();
    const started = this.now();
    const query = new URLSearchParams(spec.query);
    if (token) query.set('access_token', token);
    const qs = query.toString();
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const hostCount = this.rotation.hosts.length;
    let failuresInRow = 0;

    for (let attempt = 1; ; attempt++) {
      const host = this.rotation.pick();
      const canTryAgain = () =>
        attempt < this.retry.maxAttempts && this.now() - started < this.retry.maxTotalMs;
      let transient: AppError;
      // Whether sending again cannot do anything twice: true for idempotent calls, and for any
      // call that failed before it could have reached WeChat.
      let safeToRepeat = spec.idempotent;
      try {
        const answer = await exchange(
          dispatcher,
          `${host}${spec.path}${qs ? `?${qs}` : ''}`,
          spec.method,
          body,
        );
        // Any HTTP answer means WeChat is reachable, whatever it says.
        this.options.onReachability?.(true);
        if (answer.status >= 500 || answer.json === undefined || typeof answer.json !== 'object') {
          transient = new AppError('SYSTEM_BUSY', { status: answer.status }, { retryable: true });
        } else {
          const errcode = (answer.json as { errcode?: unknown }).errcode;
          // Read endpoints answer data with no errcode at all: that is success.
          if (errcode === undefined || errcode === 0) return answer.json;
          const errmsg = String((answer.json as { errmsg?: unknown }).errmsg ?? '');
          const err = new WeChatError(Number(errcode), errmsg, spec.path, answer.json);
          if (err.category !== 'transient' || !spec.idempotent) throw err;
          transient = err;
        }
        failuresInRow = 0;
      } catch (err) {
        if (!(err instanceof NetworkFailure)) throw err;
        this.rotation.failed(host);
        this.options.log?.warn('wechat host unreachable', { host, reason: err.reason, path: spec.path });
        const asError = new AppError(
          err.timeout ? 'TIMEOUT' : 'NETWORK',
          { reason: err.reason },
          {
            retryable: true,
            cause: err,
          },
        );
        // A request that may have reached WeChat is not sent again unless it is safe to repeat.
        safeToRepeat = spec.idempotent || err.beforeSend;
        const giveUp = () => {
          this.options.onReachability?.(false, err.reason);
          return asError;
        };
        if (!safeToRepeat || !canTryAgain()) throw giveUp();
        failuresInRow++;
        // Go straight to the next host until every host has failed once; then wait.
        if (failuresInRow < hostCount) continue;
        // Every host said no at once (refused, no route, no such host): the network is gone, and
        // waiting out the backoff would only keep the owner looking at a spinner. Say so now;
        // the net probe notices when WeChat answers again.
        if (err.refused || spec.once) throw giveUp();
        transient = asError;
        if (!canTryAgain()) throw giveUp();
      }
      if (!safeToRepeat || spec.once || !canTryAgain()) throw transient;
      await this.sleep(this.backoff(attempt));
    }
  }
}
