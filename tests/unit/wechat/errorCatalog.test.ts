import { describe, expect, it } from 'vitest';
import { errorCodes } from '#contract/errors';
import {
  describeWeChatError,
  errorCatalog,
  parseRid,
  parseWhitelistIp,
} from '../../../electron/core/wechat/errorCatalog';

describe('40164 messages', () => {
  it('yields the IP from each of the three forms seen in the wild', () => {
    expect(
      parseWhitelistIp(
        'invalid ip 118.190.42.90 ipv6 ::ffff:118.190.42.90, not in whitelist rid: 6aac005a-01bfdbee-79769285',
      ),
    ).toEqual({ ip: '118.190.42.90', ipv6: '::ffff:118.190.42.90' });
    expect(parseWhitelistIp('invalid ip 47.96.1.2, not in whitelist hint: [fWMlDa0207vr23]')).toEqual({
      ip: '47.96.1.2',
    });
    expect(
      parseWhitelistIp('invalid ip 47.96.1.2 ipv6 ::ffff:47.96.1.2, not in whitelist hint: [x1]'),
    ).toEqual({ ip: '47.96.1.2', ipv6: '::ffff:47.96.1.2' });
  });
  it('puts the IP and rid on the error', () => {
    const d = describeWeChatError(
      40164,
      'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 1-2-3',
    );
    expect(d).toMatchObject({ code: 'IP_NOT_WHITELISTED', category: 'whitelist', params: { ip: '1.2.3.4' } });
    expect(d.rid).toBe('1-2-3');
  });
  it('treats 61004 like 40164', () => {
    expect(describeWeChatError(61004, 'access clientip is not registered').code).toBe('IP_NOT_WHITELISTED');
  });
});

describe('the catalog', () => {
  it('maps each errcode to a code the contract knows', () => {
    for (const entry of errorCatalog.values()) expect(errorCodes).toContain(entry.code);
  });
  it('never retries a permission, quota or credentials error', () => {
    for (const [errcode, entry] of errorCatalog) {
      if (['permission', 'quota', 'credentials', 'whitelist'].includes(entry.category)) {
        expect(entry.retryable, String(errcode)).toBe(false);
      }
    }
    expect(errorCatalog.get(48001)).toMatchObject({ code: 'API_UNAUTHORIZED', retryable: false });
    expect(errorCatalog.get(45009)).toMatchObject({ code: 'QUOTA_DAILY', retryable: false });
  });
  it('keeps the failed openids of a 45171', () => {
    const d = describeWeChatError(45171, 'some openid fail', { fail_openid_list: ['o1', 'o2', 3] });
    expect(d.params['failed']).toEqual(['o1', 'o2']);
  });
  it('reads both rid styles', () => {
    expect(parseRid('system error rid: 6aac005a-01bfdbee-79769285')).toBe('6aac005a-01bfdbee-79769285');
    expect(parseRid('system error hint: [Xj3a0]')).toBe('Xj3a0');
    expect(parseRid('system error')).toBeUndefined();
  });
  it('keeps an unknown errcode readable, without the rid noise', () => {
    const d = describeWeChatError(12345, 'something new rid: 1-2-3');
    expect(d).toMatchObject({ code: 'WECHAT_UNKNOWN', params: { errcode: 12345, errmsg: 'something new' } });
  });
});

describe('2026 codes', () => {
  it('40243 (AppSecret frozen) and 48017 (a retired API host) are explained, never retried', () => {
    expect(describeWeChatError(40243, 'AppSecret is frozen rid: 1-2-3')).toMatchObject({
      code: 'APPSECRET_FROZEN',
      retryable: false,
    });
    expect(describeWeChatError(48017, 'api domain is out of service rid: 1-2-3')).toMatchObject({
      code: 'API_HOST_RETIRED',
      retryable: false,
    });
    expect(errorCodes).toContain('API_HOST_RETIRED');
  });
});
