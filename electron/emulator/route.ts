// The shape of one emulated endpoint.

import type { AppState } from './appState';
import type { AppContext, RequestContext } from './context';

export type Access = 'any' | 'userManagement' | 'remark';

export interface BusinessRoute {
  auth: 'token';
  method: 'GET' | 'POST';
  /** 'userManagement': verified accounts only; 'remark': verified service (and test) accounts */
  access: Access;
  handle(a: AppContext): object;
}

/** Endpoints authenticated by appid + secret instead of an access token. */
export interface CredentialRoute {
  auth: 'credentials';
  method: 'GET' | 'POST';
  /** the IP whitelist and IP confirmation apply (token endpoints) */
  tokenEndpoint: boolean;
  /** validates appid / secret / grant_type in WeChat's order; returns the account */
  authenticate(ctx: RequestContext): AppState;
  handle(a: AppContext): object;
}

export type Route = BusinessRoute | CredentialRoute;
