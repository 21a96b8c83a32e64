// Access tokens: two independent chains per account (doc §1).
// - classic `cgi-bin/token`: every call issues a new token; the previous one keeps working for
//   5 more minutes, then answers 40001.
// - `stable_token`: the same token until its last 5 minutes, then a new one while the old one
//   lives out its lifetime; force_refresh rotates at once (old token dead immediately), at most 20
//   per day, and calls less than 30 s after the last forced rotation return the current token.
// Neither chain touches the other's tokens.

import type { Clock } from './clock';
import type { Rng } from './random';

export const TOKEN_LIFETIME_MS = 7200_000;
export const TOKEN_OVERLAP_MS = 300_000;
export const FORCE_REFRESH_SPACING_MS = 30_000;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const TOKEN_BODY_LENGTH = 133;

interface TokenRecord {
  appid: string;
  chain: 'classic' | 'stable';
  expiresAt: number;
  /** from this time on the token answers 40001 (it was replaced) */
  deadAt: number;
}

interface StableState {
  token: string;
  expiresAt: number;
  lastForcedAt: number;
}

export interface IssuedToken {
  access_token: string;
  expires_in: number;
}

export type TokenCheck = { ok: true; appid: string } | { ok: false; errcode: 40001 | 40014 | 42001 };

export class TokenStore {
  private readonly records = new Map<string, TokenRecord>();
  private readonly lastClassic = new Map<string, string>();
  private readonly stable = new Map<string, StableState>();
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  check(token: string): TokenCheck {
    const rec = this.records.get(token);
    if (!rec) return { ok: false, errcode: /^[A-Za-z0-9_-]{1,512}$/.test(token) ? 40001 : 40014 };
    const now = this.clock.now();
    if (now >= rec.deadAt) return { ok: false, errcode: 40001 };
    if (now >= rec.expiresAt) return { ok: false, errcode: 42001 };
    return { ok: true, appid: rec.appid };
  }

  issueClassic(appid: string): IssuedToken {
    const now = this.clock.now();
    const previous = this.lastClassic.get(appid);
    const prev = previous === undefined ? undefined : this.records.get(previous);
    if (prev) prev.deadAt = Math.min(prev.deadAt, now + TOKEN_OVERLAP_MS);
    const token = this.create(appid, 'classic', now + TOKEN_LIFETIME_MS);
    this.lastClassic.set(appid, token);
    return { access_token: token, expires_in: TOKEN_LIFETIME_MS / 1000 };
  }

  /**
   * stable_token. `takeForce` is asked only for force_refresh calls and answers whether one of
   * the day's 20 is left; when not, the caller answers 45009 and we return null.
   */
  issueStable(appid: string, force: boolean, takeForce: () => boolean): IssuedToken | null {
    const now = this.clock.now();
    const state = this.stable.get(appid);
    const alive = state !== undefined && now < state.expiresAt && now < this.deadAt(state.token);
    if (force) {
      if (!takeForce()) return null;
      if (alive && now - state.lastForcedAt < FORCE_REFRESH_SPACING_MS) return this.answer(state, now);
      if (state) this.kill(state.token, now);
      return this.answer(this.newStable(appid, now, now), now);
    }
    if (alive && now < state.expiresAt - TOKEN_OVERLAP_MS) return this.answer(state, now);
    // Expired, or in its last 5 minutes: rotate; the old token lives out its remaining minutes.
    return this.answer(this.newStable(appid, now, state?.lastForcedAt ?? -Infinity), now);
  }

  reset(): void {
    this.records.clear();
    this.lastClassic.clear();
    this.stable.clear();
    this.issued = 0;
  }

  private newStable(appid: string, now: number, lastForcedAt: number): StableState {
    const state = {
      token: this.create(appid, 'stable', now + TOKEN_LIFETIME_MS),
      expiresAt: now + TOKEN_LIFETIME_MS,
      lastForcedAt,
    };
    this.stable.set(appid, state);
    return state;
  }

  private answer(state: StableState, now: number): IssuedToken {
    return { access_token: state.token, expires_in: Math.ceil((state.expiresAt - now) / 1000) };
  }

  private deadAt(token: string): number {
    return this.records.get(token)?.deadAt ?? -Infinity;
  }

  private kill(token: string, now: number): void {
    const rec = this.records.get(token);
    if (rec) rec.deadAt = Math.min(rec.deadAt, now);
  }

  private create(appid: string, chain: TokenRecord['chain'], expiresAt: number): string {
    if (++this.issued % 256 === 0) this.prune();
    let token = `${90 + (this.issued % 10)}_`;
    for (let i = 0; i < TOKEN_BODY_LENGTH; i++) token += TOKEN_ALPHABET[Math.floor(this.rng.next() * 64)];
    this.records.set(token, { appid, chain, expiresAt, deadAt: Infinity });
    return token;
  }

  /** Replaced tokens past their overlap answer 40001 exactly like unknown ones: forget them. */
  private prune(): void {
    const now = this.clock.now();
    for (const [token, rec] of this.records) if (now >= rec.deadAt) this.records.delete(token);
  }
}
