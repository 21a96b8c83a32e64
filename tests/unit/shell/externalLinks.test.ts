import { describe, expect, it } from 'vitest';
import { consoleUrl, docsUrl, isAllowedExternalUrl } from '../../../electron/main/externalLinks';

describe('external link allowlist', () => {
  it('allows the WeChat console and developer docs over https', () => {
    for (const url of [
      consoleUrl,
      docsUrl,
      'https://mp.weixin.qq.com/cgi-bin/home?t=home/index&lang=zh_CN',
      'https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html#1',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://mp.weixin.qq.com/',
      'https://mp.weixin.qq.com.evil.com/',
      'https://evil.com/?https://mp.weixin.qq.com/',
      'https://evilmp.weixin.qq.com/',
      'https://weixin.qq.com/',
      'https://api.weixin.qq.com/cgi-bin/token',
      'https://user:pass@mp.weixin.qq.com/',
      'https://mp.weixin.qq.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:a@b.c',
      'smb://mp.weixin.qq.com/share',
      '//mp.weixin.qq.com/',
      'mp.weixin.qq.com',
      '',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('normalizes before deciding (case, trailing dot is a different host)', () => {
    expect(isAllowedExternalUrl('HTTPS://MP.WEIXIN.QQ.COM/')).toBe(true);
    expect(isAllowedExternalUrl('https://mp.weixin.qq.com./')).toBe(false);
  });
});
