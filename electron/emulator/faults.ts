// Fault injection. A fault matches a request when every filter it names (appid, path, host)
// equals the request's; counted faults disappear once used up.

import { WxError, errmsgFor } from './errors';
import type { Rng } from './random';
import type { FaultSpec } from './types';

export interface FaultTarget {
  appid: string | null;
  path: string;
  host: string;
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  /** calls left for counted faults; Infinity otherwise */
  left: number;
}

const MAX_FAULTS = 1000;
/** A latency fault longer than this would only hold sockets open. */
const MAX_LATENCY_MS = 120_000;

export const TAGGING_PATHS = new Set([
  '/cgi-bin/tags/members/batchtagging',
  '/cgi-bin/tags/members/batchuntagging',
]);

/** Accepts '/cgi-bin/user/get', 'user/get' or 'cgi-bin/user/get'. */
export function normalizePath(path: string): string {
  if (path.startsWith('/')) return path;
  return path.startsWith('cgi-bin/') ? `/${path}` : `/cgi-bin/${path}`;
}

export class FaultEngine {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly rng: Rng) {}

  add(spec: FaultSpec): string {
    validate(spec);
    if (this.faults.length >= MAX_FAULTS) throw new Error(`at most ${MAX_FAULTS} faults at a time`);
    const normalized: FaultSpec =
      spec.path === undefined ? { ...spec } : { ...spec, path: normalizePath(spec.path) };
    if (normalized.host !== undefined) normalized.host = normalized.host.toLowerCase();
    if (normalized.kind === 'hostDown') normalized.host = normalized.host.toLowerCase();
    const count = 'count' in normalized ? normalized.count : undefined;
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, spec: normalized, left: count ?? Infinity });
    return id;
  }

  remove(id: string): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }

  list(): { id: string; spec: FaultSpec; left: number }[] {
    return this.faults.map((f) => ({ id: f.id, spec: f.spec, left: f.left }));
  }

  get empty(): boolean {
    return this.faults.length === 0;
  }

  hostDown(host: string): boolean {
    return this.faults.some((f) => f.spec.kind === 'hostDown' && f.spec.host === host);
  }

  /** A reset or 502 for this request at this phase, consuming it. */
  transport(target: FaultTarget, after: boolean): 'reset' | 'http502' | null {
    for (const f of this.faults) {
      const s = f.spec;
      if ((s.kind !== 'reset' && s.kind !== 'http502') || (s.after ?? false) !== after) continue;
      if (!this.matches(f, target)) continue;
      if (s.rate !== undefined && this.rng.next() >= s.rate) continue;
      this.consume(f);
      return s.kind;
    }
    return null;
  }

  latencyMs(target: FaultTarget): number {
    let ms = 0;
    for (const f of this.faults) {
      const s = f.spec;
      if (s.kind !== 'latency' || !this.matches(f, target)) continue;
      ms += s.ms + (s.jitterMs ? this.rng.next() * s.jitterMs : 0);
    }
    return ms;
  }

  /** An injected errcode (errcode, randomError, and openidBusy on tagging paths), consuming it. */
  errcode(target: FaultTarget): WxError | null {
    for (const f of this.faults) {
      const s = f.spec;
      if (!this.matches(f, target)) continue;
      if (s.kind === 'errcode') {
        this.consume(f);
        return new WxError(s.errcode, s.errmsg ?? errmsgFor(s.errcode));
      }
      if (s.kind === 'randomError' && this.rng.next() < s.rate) {
        return new WxError(s.errcode ?? -1);
      }
      if (s.kind === 'openidBusy' && TAGGING_PATHS.has(target.path)) {
        this.consume(f);
        return new WxError(45169);
      }
    }
    return null;
  }

  /** Whether this tagging call meets a tagRace fault (45159), consuming it. */
  tagRace(target: FaultTarget): boolean {
    if (!TAGGING_PATHS.has(target.path)) return false;
    for (const f of this.faults) {
      const s = f.spec;
      if (s.kind !== 'tagRace' || !this.matches(f, target) || this.rng.next() >= s.rate) continue;
      this.consume(f);
      return true;
    }
    return false;
  }

  /** Openids of this tagging call that fail with 45171 (not applied). */
  partialFailures(target: FaultTarget, openids: readonly string[]): Set<string> {
    const failed = new Set<string>();
    if (!TAGGING_PATHS.has(target.path)) return failed;
    for (const f of this.faults) {
      const s = f.spec;
      if (s.kind !== 'partialFail' || !this.matches(f, target)) continue;
      const before = failed.size;
      for (const o of openids) {
        if (s.openids ? s.openids.includes(o) : this.rng.next() < (s.rate ?? 0.5)) failed.add(o);
      }
      if (failed.size > before) this.consume(f);
    }
    return failed;
  }

  private matches(f: ActiveFault, t: FaultTarget): boolean {
    const s = f.spec;
    if (f.left <= 0) return false;
    if (s.appid !== undefined && s.appid !== t.appid) return false;
    if (s.path !== undefined && s.path !== t.path) return false;
    if (s.host !== undefined && s.kind !== 'hostDown' && s.host !== t.host) return false;
    return true;
  }

  private consume(f: ActiveFault): void {
    f.left--;
    if (f.left <= 0) this.faults = this.faults.filter((x) => x !== f);
  }
}

function validate(spec: FaultSpec): void {
  const bad = (why: string): never => {
    throw new Error(`invalid fault (${spec.kind}): ${why}`);
  };
  const rate = (r: number | undefined): void => {
    if (r !== undefined && !(r >= 0 && r <= 1)) bad('rate must be within 0..1');
  };
  const count = (c: number | undefined): void => {
    if (c !== undefined && !(Number.isInteger(c) && c > 0)) bad('count must be a positive integer');
  };
  switch (spec.kind) {
    case 'latency':
      if (!(spec.ms >= 0 && spec.ms <= MAX_LATENCY_MS)) bad(`ms must be within 0..${MAX_LATENCY_MS}`);
      if (spec.jitterMs !== undefined && !(spec.jitterMs >= 0 && spec.jitterMs <= MAX_LATENCY_MS))
        bad(`jitterMs must be within 0..${MAX_LATENCY_MS}`);
      return;
    case 'randomError':
      if (spec.rate === undefined) bad('rate is required');
      return rate(spec.rate);
    case 'reset':
    case 'http502':
      count(spec.count);
      return rate(spec.rate);
    case 'errcode':
      if (!Number.isInteger(spec.errcode)) bad('errcode must be an integer');
      return count(spec.count);
    case 'openidBusy':
      return count(spec.count);
    case 'partialFail':
      count(spec.count);
      return rate(spec.rate);
    case 'tagRace':
      if (spec.rate === undefined) bad('rate is required');
      count(spec.count);
      return rate(spec.rate);
    case 'hostDown':
      if (typeof spec.host !== 'string' || !spec.host || spec.host.length > 253) bad('host is required');
      return;
    default:
      bad('unknown kind');
  }
}
