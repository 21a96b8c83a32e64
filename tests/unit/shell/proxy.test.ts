import { describe, expect, it } from 'vitest';
import { proxyFromPac, systemProxyResolver } from '../../../electron/main/proxy';

describe('system proxy', () => {
  it('turns Chromium PAC answers into a proxy URL or null', () => {
    expect(proxyFromPac('DIRECT')).toBeNull();
    expect(proxyFromPac('PROXY 10.0.0.1:8080')).toBe('http://10.0.0.1:8080');
    expect(proxyFromPac('PROXY proxy.corp:3128; DIRECT')).toBe('http://proxy.corp:3128');
    expect(proxyFromPac('HTTPS secure.corp:443')).toBe('https://secure.corp:443');
    expect(proxyFromPac('SOCKS5 127.0.0.1:1080; PROXY b:1')).toBe('http://b:1');
    expect(proxyFromPac('SOCKS5 127.0.0.1:1080')).toBeNull();
    expect(proxyFromPac('')).toBeNull();
  });

  it('asks the session for the URL it will call', async () => {
    const asked: string[] = [];
    const resolve = systemProxyResolver({
      resolveProxy: async (url) => {
        asked.push(url);
        return 'PROXY 1.2.3.4:80';
      },
    });
    expect(await resolve('https://api.weixin.qq.com/')).toBe('http://1.2.3.4:80');
    expect(asked).toEqual(['https://api.weixin.qq.com/']);
  });
});
