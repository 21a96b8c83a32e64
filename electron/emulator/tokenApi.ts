// cgi-bin/token and cgi-bin/stable_token (doc §1). Validation order [seen]: appid first, then
// secret, then grant_type.

import type { AppState } from './appState';
import { optionalString } from './body';
import type { RequestContext } from './context';
import { WxError } from './errors';
import type { CredentialRoute } from './route';

export function authenticate(
  ctx: RequestContext,
  appid: string | undefined,
  secret: string | undefined,
): AppState {
  if (!appid) throw new WxError(41002);
  const app = ctx.emu.apps.get(appid);
  if (!app) throw new WxError(40013);
  ctx.target.appid = appid;
  if (!secret) throw new WxError(41004);
  if (secret !== app.config.secret) throw new WxError(40125);
  return app;
}

function checkGrant(grant: string | undefined): void {
  if (grant !== 'client_credential') throw new WxError(40002);
}

const token: CredentialRoute = {
  auth: 'credentials',
  method: 'GET',
  tokenEndpoint: true,
  authenticate(ctx) {
    const q = ctx.req.query;
    const app = authenticate(ctx, q.get('appid') ?? undefined, q.get('secret') ?? undefined);
    checkGrant(q.get('grant_type') ?? undefined);
    return app;
  },
  handle(a) {
    return a.ctx.emu.tokens.issueClassic(a.app.appid);
  },
};

const stableToken: CredentialRoute = {
  auth: 'credentials',
  method: 'POST',
  tokenEndpoint: true,
  authenticate(ctx) {
    const body = ctx.body();
    const app = authenticate(ctx, optionalString(body, 'appid'), optionalString(body, 'secret'));
    checkGrant(optionalString(body, 'grant_type'));
    const force = body.force_refresh;
    if (force !== undefined && force !== null && typeof force !== 'boolean') throw new WxError(47001);
    return app;
  },
  handle(a) {
    const force = a.body().force_refresh === true;
    const issued = a.ctx.emu.tokens.issueStable(a.app.appid, force, () => a.app.quotas.takeForceRefresh());
    // force_refresh is limited to 20 per day.
    if (!issued) throw new WxError(45009);
    return issued;
  },
};

export const tokenRoutes: Record<string, CredentialRoute> = {
  '/cgi-bin/token': token,
  '/cgi-bin/stable_token': stableToken,
};
