export interface AccessToken {
  value: string;
  /** When we received it (our clock), to tell a fresh token from an old one. */
  fetchedAt: number;
  expiresAt: number;
}

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

/**
 * One account's access token, in memory only. Fetched with stable_token in normal mode (so it
 * never knocks out the owner's own server), reused until shortly before it expires, and fetched
 * by exactly one request however many callers ask at once.
 */
export class TokenKeeper {
  private current: AccessToken | null = null;
  private inflight: Promise<AccessToken> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<TokenAnswer>,
    private readonly now: () => number,
    /** Renew this long before expiry, so a request never leaves with a token about to lapse. */
    private readonly marginMs = 60_000,
  ) {}

  async get(): Promise<AccessToken> {
    const t = this.current;
    if (t && this.now() < t.expiresAt - this.marginMs) return t;
    this.inflight ??= this.fetch().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** WeChat rejected `value`. Forget it — unless another request has already replaced it. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = null;
  }

  private async fetch(): Promise<AccessToken> {
    const answer = await this.fetchToken();
    const fetchedAt = this.now();
    this.current = { value: answer.access_token, fetchedAt, expiresAt: fetchedAt + answer.expires_in * 1000 };
    return this.current;
  }
}
