/** The start and end of an openid, enough to tell followers apart: "oAbC…9xYz". */
export function shortOpenid(openid: string): string {
  return openid.length <= 12 ? openid : `${openid.slice(0, 6)}…${openid.slice(-4)}`;
}
