import type { WeChatClient } from '../client';

/** The 2014 user-groups API: each follower is in exactly one group. */
export interface WxGroup {
  id: number;
  name: string;
  count: number;
}

export async function getGroups(c: WeChatClient): Promise<WxGroup[]> {
  const r = await c.call<{ groups?: WxGroup[] }>({
    method: 'GET',
    path: '/cgi-bin/groups/get',
    idempotent: true,
  });
  return r.groups ?? [];
}

export async function createGroup(c: WeChatClient, name: string): Promise<{ id: number; name: string }> {
  const r = await c.call<{ group: { id: number; name: string } }>({
    method: 'POST',
    path: '/cgi-bin/groups/create',
    body: { group: { name } },
    idempotent: false,
  });
  return r.group;
}

export async function updateGroup(c: WeChatClient, id: number, name: string): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/groups/update',
    body: { group: { id, name } },
    idempotent: true,
  });
}

export async function deleteGroup(c: WeChatClient, id: number): Promise<void> {
  await c.call({ method: 'POST', path: '/cgi-bin/groups/delete', body: { group: { id } }, idempotent: true });
}

export async function getGroupOfUser(c: WeChatClient, openid: string): Promise<number> {
  const r = await c.call<{ groupid: number }>({
    method: 'POST',
    path: '/cgi-bin/groups/getid',
    body: { openid },
    idempotent: true,
  });
  return r.groupid;
}

export async function moveUserToGroup(c: WeChatClient, openid: string, groupId: number): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/groups/members/update',
    body: { openid, to_groupid: groupId },
    idempotent: true,
  });
}

/** At most 50 openids. */
export async function moveUsersToGroup(
  c: WeChatClient,
  openids: readonly string[],
  groupId: number,
): Promise<void> {
  await c.call({
    method: 'POST',
    path: '/cgi-bin/groups/members/batchupdate',
    body: { openid_list: openids, to_groupid: groupId },
    idempotent: true,
  });
}
