// The control surface over HTTP, for an emulator running in another process (CLI, browser e2e).
// Everything lives under /__emulator/, a prefix WeChat never uses (its APIs are under /cgi-bin/),
// and control requests never appear in the call log.

import type { ServerResponse } from 'node:http';
import { isObject } from './body';
import type { AppSpec, FaultSpec, EmulatorControl, EmulatorSettingsPatch } from './types';

export const CONTROL_PREFIX = '/__emulator/';

class ControlError extends Error {}

function need(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ControlError(message);
}

export function handleControl(
  control: EmulatorControl,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: Buffer,
  res: ServerResponse,
): void {
  let status = 200;
  let result: unknown;
  try {
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    need(isObject(body), 'body must be a JSON object');
    result = route(control, `${method} ${path.slice(CONTROL_PREFIX.length)}`, query, body);
  } catch (e) {
    status = e instanceof ControlError || e instanceof SyntaxError ? 400 : 422;
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  const text = JSON.stringify(result ?? { ok: true });
  res
    .writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    .end(text);
}

function route(c: EmulatorControl, key: string, q: URLSearchParams, body: Record<string, unknown>): unknown {
  const appid = (typeof body.appid === 'string' ? body.appid : q.get('appid')) ?? undefined;
  if (key.startsWith('DELETE faults/')) {
    c.removeFault(decodeURIComponent(key.slice('DELETE faults/'.length)));
    return undefined;
  }
  switch (key) {
    case 'GET health':
      return { ok: true, now: c.now(), apps: c.apps().map((a) => a.appid) };
    case 'GET time':
      return { now: c.now() };
    case 'POST time':
      need(typeof body.now === 'number', 'now (ms) required');
      c.setTime(body.now);
      return { now: c.now() };
    case 'POST advance':
      need(
        typeof body.ms === 'number' && body.ms >= 0 && body.ms <= 366 * 86_400_000,
        'ms (0 … a year) required',
      );
      c.advance(body.ms);
      return { now: c.now() };
    case 'GET calls':
      return { calls: c.calls({ path: q.get('path') ?? undefined, appid: q.get('appid') ?? undefined }) };
    case 'DELETE calls':
      c.clearCalls();
      return undefined;
    case 'GET settings':
      return c.settings(appid);
    case 'POST configure':
      need(isObject(body.patch), 'patch object required');
      c.configure(body.patch as EmulatorSettingsPatch, appid);
      return c.settings(appid);
    case 'POST faults':
      need(typeof body.kind === 'string', 'a FaultSpec is required');
      return { id: c.addFault(body as FaultSpec) };
    case 'DELETE faults':
      c.clearFaults();
      return undefined;
    case 'GET apps':
      return { apps: c.apps() };
    case 'POST apps':
      need(typeof body.appid === 'string' && typeof body.secret === 'string', 'appid and secret required');
      c.addApp(body as unknown as AppSpec);
      return { apps: c.apps() };
    case 'POST reset':
      c.reset();
      return undefined;
    case 'GET state': {
      const s = c.state(appid);
      return {
        appid: s.appid,
        kind: s.kind,
        followerCount: s.followerCount(),
        tags: s.tags(),
        legacyGroups: s.legacyGroups(),
        blacklistCount: s.blacklist().length,
      };
    }
    case 'GET follower': {
      const openid = q.get('openid');
      need(openid, 'openid required');
      return c.state(appid).follower(openid) ?? null;
    }
    case 'GET openids':
      return { openids: c.state(appid).openids({ subscribedOnly: q.get('subscribedOnly') !== 'false' }) };
    case 'GET tag-members': {
      const tagId = Number(q.get('tagid'));
      need(Number.isInteger(tagId), 'tagid required');
      return { openids: c.state(appid).tagMembers(tagId) };
    }
    case 'GET blacklist':
      return { openids: c.state(appid).blacklist() };
    case 'POST follow':
      need(typeof body.count === 'number' && Number.isInteger(body.count), 'count (a whole number) required');
      return { openids: c.state(appid).follow(body.count) };
    case 'POST unfollow':
      need(
        Array.isArray(body.openids) && body.openids.every((o) => typeof o === 'string'),
        'openids (strings) required',
      );
      c.state(appid).unfollow(body.openids as string[]);
      return undefined;
    default:
      throw new ControlError(`unknown control request ${key}`);
  }
}
