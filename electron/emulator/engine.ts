// The emulated WeChat backend, independent of HTTP: accounts, tokens, settings, faults, the
// clock, and the request pipeline in WeChat's validation order (doc §0).

import { AppState, appConfig } from './appState';
import { CallLog } from './callLog';
import { Clock } from './clock';
import { type AppContext, RawJson, RequestContext, type WxRequest } from './context';
import { WxError, errmsgFor } from './errors';
import { FaultEngine } from './faults';
import { Rng, hash3 } from './random';
import type { BusinessRoute, CredentialRoute, Route } from './route';
import { ROUTES, UNCOUNTED_PATHS } from './routes';
import { applyPatch, defaultSettings, effectiveAllowed, ipAllowed, mergePatches } from './settings';
import { checkPatch } from './settingsPatch';
import { TokenStore } from './tokens';
import { dailyLimit, minuteLimit } from './quotas';
import type { AppSpec, EmulatorSettings, EmulatorSettingsPatch } from './types';

const MAX_APPS = 16;

export interface Outcome {
  /** 'json': answer status+body; 'reset': destroy the socket; 'http502': gateway error page */
  kind: 'json' | 'reset' | 'http502';
  status: number;
  body: string | Buffer;
  errcode: number;
  appid: string | null;
  delayMs: number;
}

export interface EngineOptions {
  seed: number;
  startTime: number;
  apps: AppSpec[];
  callLogLimit?: number;
}

export class EmulatorEngine {
  readonly clock: Clock;
  readonly calls: CallLog;
  readonly faults: FaultEngine;
  readonly tokens: TokenStore;
  readonly apps = new Map<string, AppState>();
  private readonly specs: AppSpec[] = [];
  private globalSettings = defaultSettings();
  private readonly appPatches = new Map<string, EmulatorSettingsPatch>();
  private readonly settingsCache = new Map<string | null, EmulatorSettings>();
  private readonly ridRng = new Rng(0);
  private readonly faultRng = new Rng(0);
  private readonly tokenRng = new Rng(0);

  constructor(private readonly options: EngineOptions) {
    this.clock = new Clock(options.startTime);
    this.calls = new CallLog(options.callLogLimit);
    this.reseedRngs();
    this.faults = new FaultEngine(this.faultRng);
    this.tokens = new TokenStore(this.clock, this.tokenRng);
    for (const spec of options.apps) this.addApp(spec);
  }

  addApp(spec: AppSpec): AppState {
    if (this.apps.has(spec.appid)) throw new Error(`app ${spec.appid} already exists`);
    // Each account may hold a million followers: a bound keeps the host's memory bounded too.
    if (this.apps.size >= MAX_APPS) throw new Error(`an emulator serves at most ${MAX_APPS} accounts`);
    const app = new AppState(
      appConfig(spec, this.options.seed),
      this.clock,
      this.options.startTime,
      (o, self) => this.ownedElsewhere(o, self),
    );
    this.apps.set(spec.appid, app);
    this.specs.push({ ...spec });
    return app;
  }

  firstApp(): AppState {
    const first = this.apps.values().next();
    if (first.done) throw new Error('the emulator has no apps');
    return first.value;
  }

  app(appid?: string): AppState {
    if (appid === undefined) return this.firstApp();
    const app = this.apps.get(appid);
    if (!app) throw new Error(`unknown app ${appid}`);
    return app;
  }

  isKnownPath(path: string): boolean {
    return ROUTES.has(path);
  }

  settingsFor(appid: string | null): EmulatorSettings {
    let s = this.settingsCache.get(appid);
    if (!s) {
      const patch = appid === null ? undefined : this.appPatches.get(appid);
      s = patch ? applyPatch(this.globalSettings, patch) : this.globalSettings;
      this.settingsCache.set(appid, s);
    }
    return s;
  }

  configure(input: EmulatorSettingsPatch, appid?: string): void {
    if (appid !== undefined) this.app(appid);
    const patch = this.delayWhitelist(checkPatch(input), appid);
    if (appid === undefined) {
      this.globalSettings = applyPatch(this.globalSettings, patch);
    } else {
      this.appPatches.set(appid, mergePatches(this.appPatches.get(appid) ?? {}, patch));
    }
    if (patch.ipConfirm !== undefined) for (const app of this.apps.values()) app.ipConfirmAsked = false;
    this.settingsCache.clear();
  }

  /** A new whitelist waits applyDelayMs (emulator clock) before it replaces the one in force. */
  private delayWhitelist(patch: EmulatorSettingsPatch, appid: string | undefined): EmulatorSettingsPatch {
    const w = patch.ipWhitelist;
    if (w?.allowed === undefined) return patch;
    const current = this.settingsFor(appid ?? null).ipWhitelist;
    const delay = w.applyDelayMs ?? current.applyDelayMs;
    if (delay === 0) return { ...patch, ipWhitelist: { ...w, pending: undefined } };
    const now = this.clock.now();
    const inForce = [...effectiveAllowed(current, now)];
    return {
      ...patch,
      ipWhitelist: { ...w, allowed: inForce, pending: { allowed: [...w.allowed], at: now + delay } },
    };
  }

  /** Back to the state right after start: re-seeded apps, default settings, no faults/calls/tokens. */
  reset(): void {
    this.clock.reset();
    this.calls.clear();
    this.faults.clear();
    this.tokens.reset();
    this.globalSettings = defaultSettings();
    this.appPatches.clear();
    this.settingsCache.clear();
    this.reseedRngs();
    const specs = [...this.specs];
    this.apps.clear();
    this.specs.length = 0;
    for (const spec of specs) this.addApp(spec);
  }

  private reseedRngs(): void {
    this.ridRng.reseed(hash3(this.options.seed, 1));
    this.faultRng.reseed(hash3(this.options.seed, 2));
    this.tokenRng.reseed(hash3(this.options.seed, 3));
  }

  /** ` rid: <unix time hex>-<8 hex>-<8 hex>` as today's servers append to every errmsg. */
  rid(): string {
    const t = this.clock.nowSeconds().toString(16).padStart(8, '0');
    const a = this.ridRng.uint32().toString(16).padStart(8, '0');
    const b = this.ridRng.uint32().toString(16).padStart(8, '0');
    return `${t}-${a}-${b}`;
  }

  /** Handles one WeChat request; never throws. */
  process(req: WxRequest): Outcome {
    const ctx = new RequestContext(this, req);
    const route = ROUTES.get(req.path);
    if (!this.faults.empty) {
      ctx.target.appid = this.peekAppid(route, ctx);
      const pre = this.faults.transport(ctx.target, false);
      if (pre) return this.transportOutcome(pre, ctx);
    }
    let status = 200;
    let body: string | Buffer;
    let errcode = 0;
    try {
      const data = this.dispatch(route, ctx);
      if (data instanceof RawJson) {
        body = data.json;
      } else {
        body = JSON.stringify(data);
        const code = (data as { errcode?: unknown }).errcode;
        if (typeof code === 'number') errcode = code;
      }
    } catch (e) {
      const err = e instanceof WxError ? e : new WxError(-1);
      if (!(e instanceof WxError)) console.error('[emulator] handler crashed:', e);
      errcode = err.errcode;
      const errmsg = err.suffixed ? err.errmsg : `${err.errmsg} rid: ${this.rid()}`;
      body = JSON.stringify({ errcode: err.errcode, errmsg, ...err.extra });
      status = 200;
    }
    if (!this.faults.empty) {
      const post = this.faults.transport(ctx.target, true);
      if (post) return this.transportOutcome(post, ctx);
    }
    const delayMs = this.faults.empty ? 0 : this.faults.latencyMs(ctx.target);
    return { kind: 'json', status, body, errcode, appid: ctx.target.appid, delayMs };
  }

  private transportOutcome(kind: 'reset' | 'http502', ctx: RequestContext): Outcome {
    const delayMs = this.faults.latencyMs(ctx.target);
    return {
      kind,
      status: kind === 'reset' ? 0 : 502,
      body: '',
      errcode: 0,
      appid: ctx.target.appid,
      delayMs,
    };
  }

  private dispatch(route: Route | undefined, ctx: RequestContext): object {
    // Unknown cgi paths: WeChat answers 40066 `invalid url` (see README), before any token check.
    if (!route) throw new WxError(40066);
    return route.auth === 'credentials' ? this.credentialCall(route, ctx) : this.businessCall(route, ctx);
  }

  private credentialCall(route: CredentialRoute, ctx: RequestContext): object {
    checkMethod(route.method, ctx.req.method);
    const app = route.authenticate(ctx);
    const settings = this.settingsFor(app.appid);
    this.checkIp(settings, route.tokenEndpoint);
    if (route.tokenEndpoint && settings.ipConfirm !== 'off') this.ipConfirm(app, settings);
    this.injected(ctx);
    this.takeQuota(app, settings, ctx.req.path);
    return route.handle(appContext(ctx, app, settings));
  }

  private businessCall(route: BusinessRoute, ctx: RequestContext): object {
    const token = ctx.req.query.get('access_token');
    if (!token) throw new WxError(41001);
    const check = this.tokens.check(token);
    if (!check.ok) throw new WxError(check.errcode);
    const app = this.app(check.appid);
    ctx.target.appid = app.appid;
    const settings = this.settingsFor(app.appid);
    this.checkIp(settings, false);
    this.injected(ctx);
    checkMethod(route.method, ctx.req.method);
    if (!allowed(route, app, settings)) throw new WxError(48001);
    this.takeQuota(app, settings, ctx.req.path);
    return route.handle(appContext(ctx, app, settings));
  }

  private injected(ctx: RequestContext): void {
    if (this.faults.empty) return;
    const err = this.faults.errcode(ctx.target);
    if (err) throw err;
  }

  private takeQuota(app: AppState, settings: EmulatorSettings, path: string): void {
    if (UNCOUNTED_PATHS.has(path)) return;
    const code = app.quotas.take(
      path,
      dailyLimit(path, app.config.kind, settings, app.followers.subscribedCount),
      minuteLimit(path, settings),
    );
    if (code !== 0) throw new WxError(code);
  }

  private checkIp(settings: EmulatorSettings, tokenEndpoint: boolean): void {
    const w = settings.ipWhitelist;
    if (!w.enabled || (w.scope === 'token' && !tokenEndpoint)) return;
    if (ipAllowed(w.seenIp, effectiveAllowed(w, this.clock.now()))) return;
    const ip = w.seenIp;
    if (w.errcode === 61004) throw new WxError(61004, `access clientip is not registered requestIP: ${ip}`);
    if (w.variant === 'hint') {
      const hint = this.rid().replace(/-/g, '').slice(4, 18);
      throw new WxError(40164, `invalid ip ${ip}, not in whitelist hint: [${hint}]`, undefined, true);
    }
    const v6 = w.variant === 'ipv6' ? ` ipv6 ${ip.includes(':') ? ip : `::ffff:${ip}`}` : '';
    throw new WxError(40164, `invalid ip ${ip}${v6}, not in whitelist`);
  }

  /** 89503 mode asks the admin once, then reports "pending" (89501) until reconfigured. */
  private ipConfirm(app: AppState, settings: EmulatorSettings): void {
    if (settings.ipConfirm === '89503') {
      const code = app.ipConfirmAsked ? 89501 : 89503;
      app.ipConfirmAsked = true;
      throw new WxError(code);
    }
    throw new WxError(Number(settings.ipConfirm), errmsgFor(Number(settings.ipConfirm)));
  }

  /** Best-effort appid of a request before validation, for fault filters. */
  private peekAppid(route: Route | undefined, ctx: RequestContext): string | null {
    const q = ctx.req.query;
    const token = q.get('access_token');
    if (token) {
      const check = this.tokens.check(token);
      return check.ok ? check.appid : null;
    }
    if (route?.auth === 'credentials') {
      const appid = q.get('appid') ?? ctx.peekBody()?.appid;
      return typeof appid === 'string' && this.apps.has(appid) ? appid : null;
    }
    return null;
  }

  private ownedElsewhere(openid: string, self: AppState): boolean {
    for (const app of this.apps.values()) if (app !== self && app.followers.indexOf(openid) >= 0) return true;
    return false;
  }
}

function checkMethod(expected: 'GET' | 'POST', actual: string): void {
  if (actual !== expected) throw new WxError(expected === 'GET' ? 43001 : 43002);
}

function allowed(route: BusinessRoute, app: AppState, settings: EmulatorSettings): boolean {
  const kind = app.config.kind;
  if (route.access === 'any') return true;
  if (kind === 'unverified') return false;
  // Remarks: verified service accounts [doc]; an older table adds verified subscription accounts
  // (remarkAccess 'verified'); test accounts (接口测试号) may call everything.
  if (route.access === 'remark')
    return (
      kind === 'service' ||
      kind === 'test' ||
      (kind === 'subscription' && settings.remarkAccess === 'verified')
    );
  return true;
}

function appContext(ctx: RequestContext, app: AppState, settings: EmulatorSettings): AppContext {
  return { ctx, app, settings, body: () => ctx.body(settings) };
}
