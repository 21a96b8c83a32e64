// WeChat errcodes and their English errmsg texts as real servers send them (see
// ../shared/docs/wechat-api.md §1–§8). Handlers throw WxError; the server turns it into an
// HTTP 200 body with the ` rid: ...` suffix.

export const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001:
    'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40032: 'invalid openid list size',
  40033: 'invalid charset. please check your request, if include \\uxxxx will create fail!',
  40050: 'invalid group id',
  40051: 'invalid group name',
  40066: 'invalid url',
  40092: 'invalid remark name',
  40117: 'invalid group name',
  40125: 'invalid appsecret',
  40243: 'AppSecret is frozen',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43004: 'require subscribe',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit, must slower, retry next minute,',
  45016: "can't modify sys group",
  45017: 'group name too long',
  45018: 'too many group now, no need to add new',
  45056: 'too many tag now, no need to add new',
  45057: "can't delete the tag that has too many fans",
  45058: "can't modify sys tag",
  45059: 'can not tagging one user too much',
  45157: 'invalid tag name',
  45158: 'tag name too long',
  45159: 'invalid tag id',
  45169: 'openid much req',
  45171: 'some openid fail',
  47001: 'data format error',
  48001: 'api unauthorized',
  48004: 'api forbidden for irregularities',
  48017: 'api domain is out of service, please use api.weixin.qq.com',
  48006: 'forbid to clear quota because of reaching the limit',
  49003: 'not match openid with appid',
  50002: 'user limited',
  50005: 'user is unsubscribed',
  61004: 'access clientip is not registered',
  76021: 'cgi_path not found, please check',
  89501: 'this IP is waiting for the administrator to confirm',
  89503: 'this call needs the administrator to confirm the IP, a message has been sent',
  89506: 'this IP was rejected twice by the administrator within 24 hours',
  89507: 'this IP was rejected by the administrator within 1 hour',
  268487001: 'system busy, please try again later',
  268487002: 'system busy, please try again later',
};

export function errmsgFor(errcode: number): string {
  return ERRMSG[errcode] ?? 'system error';
}

/** A WeChat error answer. `extra` fields are merged into the body (e.g. fail_openid_list). */
export class WxError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string = errmsgFor(errcode),
    readonly extra?: Record<string, unknown>,
    /** the message already carries its own suffix (the old `hint: [...]` format) */
    readonly suffixed = false,
  ) {
    super(`${errcode} ${errmsg}`);
    this.name = 'WxError';
  }
}

export function fail(errcode: number): never {
  throw new WxError(errcode);
}

// Transport outcomes in the call log; negative so they never clash with a WeChat errcode.
/** The socket was destroyed without a response (reset fault, hostDown). */
export const CALL_RESET = -2;
/** The gateway answered HTTP 502. */
export const CALL_HTTP_502 = -502;
/** The body was over 1 MB: HTTP 413. */
export const CALL_HTTP_413 = -413;
