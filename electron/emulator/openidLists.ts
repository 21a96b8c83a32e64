// Resolving the openid lists of batch endpoints, with WeChat's error precedence:
// size (40032) first, then each openid (40003 / 49003), then subscription (50005).

import type { AppState } from './appState';
import { type JsonObject, requiredArray } from './body';
import { WxError } from './errors';

/** `openid_list` of 1..max openids of this account, as follower indexes. */
export function resolveOpenidList(
  app: AppState,
  body: JsonObject,
  max: number,
): { openids: string[]; indexes: number[] } {
  const list = requiredArray(body, 'openid_list', 40032);
  if (list.length === 0 || list.length > max) throw new WxError(40032);
  const indexes: number[] = [];
  for (const o of list) indexes.push(app.index(o));
  return { openids: list as string[], indexes };
}

/** Batch writes refuse followers who left (50005) and change nothing. */
export function requireSubscribed(app: AppState, indexes: readonly number[]): void {
  for (const i of indexes) if (!app.followers.isSubscribed(i)) throw new WxError(50005);
}
