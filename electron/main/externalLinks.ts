/**
 * The only places the app opens in the user's browser: the Official Account console and WeChat's
 * developer documentation. https only, exact host, no credentials, default port — so a link in
 * follower data (a nickname, a remark) can never open something else.
 */
const allowedHosts = new Set(['mp.weixin.qq.com', 'developers.weixin.qq.com']);

export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    allowedHosts.has(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export const consoleUrl = 'https://mp.weixin.qq.com/';
export const docsUrl = 'https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Overview.html';
