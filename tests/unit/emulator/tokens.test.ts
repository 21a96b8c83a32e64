// Access tokens (doc §1, §9.3): both chains with the controllable clock, their independence,
// credential errors in WeChat's order, token errors on business APIs.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { MINUTE, RID, call, classicToken, get, stableToken } from './helpers';

let sb: Emulator;
beforeAll(async () => {
  sb = await startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 50 }] });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const works = async (token: string): Promise<number> =>
  (await get(sb, '/cgi-bin/tags/get', token)).errcode ?? 0;
const tokenQuery = (q: Record<string, string>) => call(sb, '/cgi-bin/token', { query: q });

describe('cgi-bin/token (classic chain)', () => {
  it('answers {access_token, expires_in:7200} without errcode', async () => {
    const r = await tokenQuery({
      grant_type: 'client_credential',
      appid: DEFAULT_APPID,
      secret: DEFAULT_SECRET,
    });
    expect(Object.keys(r).sort()).toEqual(['access_token', 'expires_in']);
    expect(r.expires_in).toBe(7200);
    expect((r.access_token as string).length).toBeLessThanOrEqual(512);
  });

  it('issues a new token on every call; the previous one works 5 more minutes, then 40001', async () => {
    const t1 = await classicToken(sb);
    const t2 = await classicToken(sb);
    expect(t2).not.toBe(t1);
    expect(await works(t1)).toBe(0);
    sb.control.advance(5 * MINUTE - 1);
    expect(await works(t1)).toBe(0);
    sb.control.advance(1);
    expect(await works(t1)).toBe(40001);
    expect(await works(t2)).toBe(0);
    // Today's text points at getStableAccessToken (doc §6).
    const r = await get(sb, '/cgi-bin/tags/get', t1);
    expect(r.errmsg).toMatch(
      /^invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at \S+ rid: /,
    );
  });

  it('expires after 7200 s by the emulator clock: 42001', async () => {
    const t = await classicToken(sb);
    sb.control.advance(7200_000 - 1);
    expect(await works(t)).toBe(0);
    sb.control.advance(1);
    expect(await works(t)).toBe(42001);
  });

  it('validates appid first, then secret, then grant_type', async () => {
    expect((await tokenQuery({})).errcode).toBe(41002);
    expect((await tokenQuery({ appid: 'wx0000000000000000', secret: 'x' })).errcode).toBe(40013);
    expect((await tokenQuery({ appid: DEFAULT_APPID })).errcode).toBe(41004);
    expect((await tokenQuery({ appid: DEFAULT_APPID, secret: '0'.repeat(32) })).errcode).toBe(40125);
    expect((await tokenQuery({ appid: DEFAULT_APPID, secret: DEFAULT_SECRET })).errcode).toBe(40002);
    const bad = await tokenQuery({ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, grant_type: 'password' });
    expect(bad.errcode).toBe(40002);
    expect(bad.errmsg).toMatch(RID);
  });

  it('requires GET (43001)', async () => {
    const r = await call(sb, '/cgi-bin/token', {
      method: 'POST',
      query: { grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET },
      body: {},
    });
    expect(r.errcode).toBe(43001);
  });
});

describe('cgi-bin/stable_token (stable chain)', () => {
  it('returns the same token with the remaining lifetime until its last 5 minutes', async () => {
    const a = await stableToken(sb);
    expect(a.expires_in).toBe(7200);
    expect(a).not.toHaveProperty('errcode');
    sb.control.advance(3600_000);
    const b = await stableToken(sb);
    expect(b.access_token).toBe(a.access_token);
    expect(b.expires_in).toBe(3600);
    // 299 s left: rotate; both work until the old one's natural end.
    sb.control.advance(3600_000 - 299_000);
    const c = await stableToken(sb);
    expect(c.access_token).not.toBe(a.access_token);
    expect(c.expires_in).toBe(7200);
    expect(await works(a.access_token as string)).toBe(0);
    expect(await works(c.access_token as string)).toBe(0);
    sb.control.advance(299_000);
    expect(await works(a.access_token as string)).toBe(42001);
    expect(await works(c.access_token as string)).toBe(0);
  });

  it('expires_in stays within 300..7200', async () => {
    await stableToken(sb);
    for (let k = 0; k < 30; k++) {
      sb.control.advance(7 * MINUTE);
      const r = await stableToken(sb);
      expect(r.expires_in).toBeGreaterThanOrEqual(300);
      expect(r.expires_in).toBeLessThanOrEqual(7200);
    }
  });

  it('force_refresh invalidates the old token at once; calls < 30 s apart do not rotate', async () => {
    const a = await stableToken(sb);
    const b = await stableToken(sb, { force: true });
    expect(b.access_token).not.toBe(a.access_token);
    expect(await works(a.access_token as string)).toBe(40001);
    sb.control.advance(29_000);
    const c = await stableToken(sb, { force: true });
    expect(c.access_token).toBe(b.access_token);
    sb.control.advance(1000);
    const d = await stableToken(sb, { force: true });
    expect(d.access_token).not.toBe(b.access_token);
    expect(await works(b.access_token as string)).toBe(40001);
  });

  it('allows 20 force_refresh calls per day (45009 after), again the next day', async () => {
    for (let k = 0; k < 20; k++) {
      expect((await stableToken(sb, { force: true })).errcode).toBeUndefined();
      sb.control.advance(31_000);
    }
    expect((await stableToken(sb, { force: true })).errcode).toBe(45009);
    // Normal mode is unaffected.
    expect((await stableToken(sb)).errcode).toBeUndefined();
    sb.control.advance(24 * 3600_000);
    expect((await stableToken(sb, { force: true })).errcode).toBeUndefined();
  });

  it('is independent of cgi-bin/token in both directions', async () => {
    const s = await stableToken(sb);
    const c1 = await classicToken(sb);
    await classicToken(sb);
    await classicToken(sb);
    sb.control.advance(6 * MINUTE);
    expect(await works(s.access_token as string)).toBe(0);
    expect(await works(c1)).toBe(40001);
    const c2 = await classicToken(sb);
    await stableToken(sb, { force: true });
    expect(await works(c2)).toBe(0);
    expect((await stableToken(sb)).access_token).not.toBe(c2);
  });

  it('requires POST (43002), a JSON body, and checks credentials in order', async () => {
    expect((await call(sb, '/cgi-bin/stable_token')).errcode).toBe(43002);
    expect((await call(sb, '/cgi-bin/stable_token', { method: 'POST' })).errcode).toBe(44002);
    expect((await call(sb, '/cgi-bin/stable_token', { body: 'grant_type=client_credential' })).errcode).toBe(
      47001,
    );
    expect(
      (await call(sb, '/cgi-bin/stable_token', { body: { grant_type: 'client_credential' } })).errcode,
    ).toBe(41002);
    expect((await stableToken(sb, { appid: 'wx1111111111111111' })).errcode).toBe(40013);
    expect((await stableToken(sb, { secret: 'f'.repeat(32) })).errcode).toBe(40125);
    const noGrant = await call(sb, '/cgi-bin/stable_token', {
      body: { appid: DEFAULT_APPID, secret: DEFAULT_SECRET },
    });
    expect(noGrant.errcode).toBe(40002);
  });
});

describe('token errors on business APIs (§1.4)', () => {
  it('41001 missing, 40014 malformed, 40001 unknown or replaced, 42001 expired', async () => {
    expect((await call(sb, '/cgi-bin/user/get')).errcode).toBe(41001);
    expect((await call(sb, '/cgi-bin/user/get', { token: '' })).errcode).toBe(41001);
    expect((await call(sb, '/cgi-bin/user/get', { token: 'a.b' })).errcode).toBe(40014);
    expect((await call(sb, '/cgi-bin/user/get', { token: 'x'.repeat(600) })).errcode).toBe(40014);
    expect((await call(sb, '/cgi-bin/user/get', { token: '90_abc' })).errcode).toBe(40001);
    const t = await classicToken(sb);
    sb.control.advance(7201_000);
    const r = await call(sb, '/cgi-bin/user/get', { token: t });
    expect(r).toMatchObject({ errcode: 42001 });
    expect(r.errmsg).toMatch(/^access_token expired rid: /);
  });

  it('tokens stop working after reset()', async () => {
    const t = await classicToken(sb);
    sb.control.reset();
    expect(await works(t)).toBe(40001);
  });
});

describe('IP whitelist (§1.3) and IP risk confirmation', () => {
  const okToken = async () =>
    tokenQuery({ grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET });

  it('answers 40164 on token endpoints with the seen IP in the current format', async () => {
    sb.control.configure({ ipWhitelist: { enabled: true, seenIp: '118.190.42.90' } });
    const r = await okToken();
    expect(r.errcode).toBe(40164);
    expect(r.errmsg).toMatch(
      /^invalid ip 118\.190\.42\.90 ipv6 ::ffff:118\.190\.42\.90, not in whitelist rid: /,
    );
    expect((await stableToken(sb)).errcode).toBe(40164);
  });

  it('checks every endpoint by default (doc §1.3, 2025), only token endpoints with scope "token"', async () => {
    const t = await classicToken(sb);
    sb.control.configure({ ipWhitelist: { enabled: true } });
    expect(await works(t)).toBe(40164);
    sb.control.configure({ ipWhitelist: { scope: 'token' } });
    expect(await works(t)).toBe(0);
  });

  it('an empty whitelist refuses every call, the token too', async () => {
    sb.control.configure({ ipWhitelist: { enabled: true, allowed: [] } });
    expect((await okToken()).errcode).toBe(40164);
  });

  it("refuses entries the console refuses ('1.2.3.*', a bad mask), keeping the list it had", () => {
    sb.control.configure({ ipWhitelist: { enabled: true, allowed: ['10.0.0.1'] } });
    expect(() => sb.control.configure({ ipWhitelist: { allowed: ['1.2.3.*'] } })).toThrow(/CIDR/);
    expect(() => sb.control.configure({ ipWhitelist: { allowed: ['1.2.3.0/33'] } })).toThrow(/CIDR/);
    expect(() => sb.control.configure({ ipWhitelist: { allowed: ['1.2.3'] } })).toThrow(/CIDR/);
    expect(sb.control.settings().ipWhitelist.allowed).toEqual(['10.0.0.1']);
  });

  it('applies a whitelist change after applyDelayMs of the emulator clock', async () => {
    const t = await classicToken(sb);
    sb.control.configure({
      ipWhitelist: { enabled: true, seenIp: '10.1.2.3', allowed: [], applyDelayMs: 5 * 60_000 },
    });
    expect(await works(t)).toBe(40164);
    sb.control.configure({ ipWhitelist: { allowed: ['10.1.0.0/16'] } });
    expect(await works(t)).toBe(40164);
    sb.control.advance(4 * 60_000);
    expect(await works(t)).toBe(40164);
    sb.control.advance(60_000);
    expect(await works(t)).toBe(0);
    // Taking the IP out again also waits.
    sb.control.configure({ ipWhitelist: { allowed: [] } });
    expect(await works(t)).toBe(0);
    sb.control.advance(5 * 60_000);
    expect(await works(t)).toBe(40164);
  });

  it('lets listed IPs and CIDR ranges through', async () => {
    sb.control.configure({ ipWhitelist: { enabled: true, seenIp: '10.1.2.3', allowed: ['10.1.0.0/16'] } });
    expect((await okToken()).errcode).toBeUndefined();
    sb.control.configure({ ipWhitelist: { allowed: ['10.1.2.3'] } });
    expect((await okToken()).errcode).toBeUndefined();
    sb.control.configure({ ipWhitelist: { allowed: ['10.2.0.0/16'] } });
    expect((await okToken()).errcode).toBe(40164);
  });

  it('has the older hint variant and the variant without ipv6', async () => {
    sb.control.configure({ ipWhitelist: { enabled: true, seenIp: '1.2.3.4', variant: 'hint' } });
    expect((await okToken()).errmsg).toMatch(/^invalid ip 1\.2\.3\.4, not in whitelist hint: \[[0-9a-f]+\]$/);
    sb.control.configure({ ipWhitelist: { variant: 'plain' } });
    expect((await okToken()).errmsg).toMatch(/^invalid ip 1\.2\.3\.4, not in whitelist rid: /);
  });

  it('can answer 61004 instead (the new guide’s variant)', async () => {
    sb.control.configure({ ipWhitelist: { enabled: true, seenIp: '5.6.7.8', errcode: 61004 } });
    const r = await okToken();
    expect(r.errcode).toBe(61004);
    expect(r.errmsg).toMatch(/^access clientip is not registered requestIP: 5\.6\.7\.8 rid: /);
  });

  it('89503 mode: asks once, then reports pending (89501) until the admin approves', async () => {
    sb.control.configure({ ipConfirm: '89503' });
    expect((await okToken()).errcode).toBe(89503);
    expect((await okToken()).errcode).toBe(89501);
    expect((await stableToken(sb)).errcode).toBe(89501);
    sb.control.configure({ ipConfirm: 'off' });
    expect((await okToken()).errcode).toBeUndefined();
    for (const code of ['89506', '89507'] as const) {
      sb.control.configure({ ipConfirm: code });
      expect((await okToken()).errcode).toBe(Number(code));
    }
  });

  it('applies per app when configured with an appid', async () => {
    sb.control.addApp({ appid: 'wx00000000000000aa', secret: 'a'.repeat(32), followers: 5 });
    sb.control.configure({ ipWhitelist: { enabled: true } }, 'wx00000000000000aa');
    expect((await okToken()).errcode).toBeUndefined();
    const other = await tokenQuery({
      grant_type: 'client_credential',
      appid: 'wx00000000000000aa',
      secret: 'a'.repeat(32),
    });
    expect(other.errcode).toBe(40164);
  });
});
