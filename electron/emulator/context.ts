// What a route handler gets: the parsed request and, after authentication, its account.

import type { AppState } from './appState';
import { type JsonObject, parseBody } from './body';
import type { EmulatorEngine } from './engine';
import type { FaultTarget } from './faults';
import type { EmulatorSettings } from './types';

export interface WxRequest {
  method: string;
  path: string;
  /** Host header without port, lower case */
  host: string;
  query: URLSearchParams;
  raw: Buffer;
}

export class RequestContext {
  readonly target: FaultTarget;
  private parsed: JsonObject | undefined;

  constructor(
    readonly emu: EmulatorEngine,
    readonly req: WxRequest,
  ) {
    this.target = { appid: null, path: req.path, host: req.host };
  }

  /** The JSON body; throws 44002 / 40033 / 47001. */
  body(settings?: EmulatorSettings): JsonObject {
    if (this.parsed === undefined) {
      const strict = (settings ?? this.emu.settingsFor(this.target.appid)).unicodeEscapes === 'reject';
      this.parsed = parseBody(this.req.raw, strict);
    }
    return this.parsed;
  }

  /** The body when it parses, without raising (used to find the appid for fault filters). */
  peekBody(): JsonObject | undefined {
    try {
      return parseBody(this.req.raw, false);
    } catch {
      return undefined;
    }
  }
}

/** A handler's view once the caller is authenticated. */
export interface AppContext {
  ctx: RequestContext;
  app: AppState;
  settings: EmulatorSettings;
  /** the JSON body of a POST (44002 / 40033 / 47001 on bad input) */
  body(): JsonObject;
}

/** `{"errcode":0,"errmsg":"ok"}`: what every write endpoint answers. */
export const OK = Object.freeze({ errcode: 0, errmsg: 'ok' });

/** A handler's answer already serialised (hot paths build their JSON directly). */
export class RawJson {
  constructor(readonly json: string | Buffer) {}
}
