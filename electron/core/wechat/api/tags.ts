import type { WeChatClient } from '../client';

export interface WxTag {
  id: number;
  name: string;
  count: number;
}

export interface IdPage {
  openids: string[];
  /** '' when there is nothing more. */
  next: string;
  total?: number;
}

/** A page of openids as user/get, user/tag/get and getblacklist answer it. */
export function readIdPage(raw: {
  total?: number;
  count?: number;
  data?: { openid?: string[] };
  next_openid?: string;
}): IdPage {
  const openids = raw.data?.openid ?? [];
  // The last data page still names its own last openid as next; the call after it has no data.
  const next = openids.length === 0 || !raw.count ? '' : (raw.next_openid ?? '');
  return { openids, next, ...(raw.total === undefined ? {} : { total: raw.total }) };
}

export async function getTags(c: WeChatClient): Promise<WxTag[]> {
  const r = await c.call<{ tags?: WxTag[] }>({ method: 'GET', path: '/cgi-bin/tags/get', idempotent: true });
  return r.tags ?? [];
}

/** Not idempotent: sending it twice could make two tags, so it is never retried blindly. */
export async function createTag(c: WeChatClient, name: string): Promise<{ id: number; name: string }> {
  const r = await c.call<{ tag: { id: number; name: string } }>({
    method: 'POST',
    path: '/cgi-bin/tags/create',
    body: { tag: { name } },
    idempotent: false,
  });
  return r.tag;
}

export async function updateTag(c: WeChatClient, id: number, name: string): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/tags/update',
    body: { tag: { id, name } },
    idempotent: true,
  });
}

export async function deleteTag(c: WeChatClient, id: number): Promise<void> {
  await c.call({ method: 'POST', path: '/cgi-bin/tags/delete', body: { tag: { id } }, idempotent: true });
}

export async function getTagMembers(c: WeChatClient, tagId: number, nextOpenid = ''): Promise<IdPage> {
  const r = await c.call<Parameters<typeof readIdPage>[0]>({
    method: 'POST',
    path: '/cgi-bin/user/tag/get',
    body: { tagid: tagId, next_openid: nextOpenid },
    idempotent: true,
    staleTagRetries: true,
  });
  return readIdPage(r);
}

/** At most 50 openids (WeChat answers 40032 above that). */
export async function batchTag(c: WeChatClient, tagId: number, openids: readonly string[]): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/tags/members/batchtagging',
    body: { openid_list: openids, tagid: tagId },
    idempotent: true,
    // 45159 right after the tag was created, or when one user's tags change at once (doc §10).
    staleTagRetries: true,
  });
}

export async function batchUntag(c: WeChatClient, tagId: number, openids: readonly string[]): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/tags/members/batchuntagging',
    body: { openid_list: openids, tagid: tagId },
    idempotent: true,
    // 45159 right after the tag was created, or when one user's tags change at once (doc §10).
    staleTagRetries: true,
  });
}

export async function getTagsOfUser(c: WeChatClient, openid: string): Promise<number[]> {
  const r = await c.call<{ tagid_list?: number[] }>({
    method: 'POST',
    path: '/cgi-bin/tags/getidlist',
    body: { openid },
    idempotent: true,
  });
  return r.tagid_list ?? [];
}

export const TAG_BATCH_LIMIT = 50;
