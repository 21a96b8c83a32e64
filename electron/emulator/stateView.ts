// Read-only snapshots and test mutations of one account (AppStateView).

import { MAX_FOLLOWERS, type AppState } from './appState';
import type { Clock } from './clock';
import { hash3, unit } from './random';
import { MAX_TAGS_PER_USER } from './tagStore';
import type { AppStateView, FollowerView } from './types';
import { RESERVED_GROUP } from '#contract/reservedGroups';

export function stateView(app: AppState, clock: Clock, stableOrder: () => boolean): AppStateView {
  const f = app.followers;
  const indexOf = (openid: string): number => {
    const i = f.indexOf(openid);
    if (i < 0) throw new Error(`${openid} is not a follower of ${app.appid}`);
    return i;
  };
  const membersOf = (id: number): string[] => {
    const tag = app.tags.get(id);
    if (!tag) throw new Error(`no tag ${id} in ${app.appid}`);
    const out: string[] = [];
    app.tags.forEachMember(tag, 0, (i) => {
      out.push(f.openid(i));
      return true;
    });
    return out;
  };
  const view: AppStateView = {
    appid: app.appid,
    kind: app.config.kind,
    followerCount: () => f.subscribedCount,
    follower(openid) {
      const i = f.indexOf(openid);
      if (i < 0) return undefined;
      const { qrScene, qrSceneStr } = f.qrScene(i);
      const out: FollowerView = {
        openid,
        subscribed: f.isSubscribed(i),
        subscribeTime: f.subscribeTime[i],
        remark: f.remark(i),
        tagIds: app.tags.tagIdsOf(i),
        groupId: f.groupId[i],
        blacklisted: f.isBlacklisted(i),
        scene: f.sceneName(i),
        qrScene,
        qrSceneStr,
        language: f.language(i),
      };
      const unionid = f.unionid(i);
      if (unionid !== undefined) out.unionid = unionid;
      return out;
    },
    /** subscribedOnly defaults to true: exactly what user/get lists, in its order */
    openids(options) {
      const all = options?.subscribedOnly === false;
      const out: string[] = [];
      for (const i of f.inListOrder(stableOrder())) if (all || f.isSubscribed(i)) out.push(f.openid(i));
      return out;
    },
    tags: () => [...app.tags.tags.values()].map((t) => ({ id: t.id, name: t.name, count: t.count })),
    tagMembers: membersOf,
    legacyGroups() {
      const counts = new Map<number, number>();
      for (let i = 0; i < f.size; i++)
        if (f.isSubscribed(i)) counts.set(f.groupId[i], (counts.get(f.groupId[i]) ?? 0) + 1);
      return [...app.groups.groups.values()].map((g) => ({
        id: g.id,
        name: g.name,
        count: counts.get(g.id) ?? 0,
      }));
    },
    blacklist() {
      const out: string[] = [];
      for (let i = 0; i < f.size; i++) if (f.isBlacklisted(i)) out.push(f.openid(i));
      return out;
    },
    quotaUsed: (path) => app.quotas.used(path),
    follow(count) {
      if (!Number.isInteger(count) || count < 0) throw new Error('follow(count) needs an integer >= 0');
      // Bounded like the seeded count: past it the typed arrays (and the host) would have to grow
      // without limit.
      if (f.size + count > MAX_FOLLOWERS)
        throw new Error(`follow(count): an account holds at most ${MAX_FOLLOWERS} followers (now ${f.size})`);
      const now = Math.floor(clock.now() / 1000);
      const out: string[] = [];
      for (let k = 0; k < count; k++) {
        const i = f.size;
        // New followers mostly find the account by search or a QR code.
        const scene = unit(hash3(app.key, i, 0x6e657773)) < 0.6 ? 0 : 3;
        out.push(f.openid(f.add(now, scene)));
      }
      return out;
    },
    unfollow(openids) {
      if (openids.length > MAX_FOLLOWERS) throw new Error(`unfollow: at most ${MAX_FOLLOWERS} openids`);
      for (const o of openids) app.unfollow(indexOf(o));
    },
    setTags(openid, tagIds) {
      const i = indexOf(openid);
      if (!f.isSubscribed(i)) throw new Error(`${openid} does not follow`);
      const unique = [...new Set(tagIds)];
      if (unique.length > MAX_TAGS_PER_USER)
        throw new Error(`at most ${MAX_TAGS_PER_USER} tags per follower`);
      const tags = unique.map((id) => {
        const tag = app.tags.get(id);
        if (!tag) throw new Error(`no tag ${id} in ${app.appid}`);
        return tag;
      });
      app.tags.removeAllFrom(i);
      for (const tag of tags) app.tags.add(tag, i);
    },
    createTag(name, members = []) {
      if (app.tags.findByName(name)) throw new Error(`tag ${name} exists`);
      const indexes = members.map(indexOf);
      const tag = app.tags.create(name);
      for (const i of indexes)
        if (f.isSubscribed(i) && f.tagCount[i] < MAX_TAGS_PER_USER) app.tags.add(tag, i);
      return tag.id;
    },
    deleteTag(tagId) {
      if (!app.tags.get(tagId) || tagId <= RESERVED_GROUP.starred)
        throw new Error(`no custom tag ${tagId} in ${app.appid}`);
      app.tags.delete(tagId);
    },
    setRemark(openid, remark) {
      f.setRemark(indexOf(openid), remark);
    },
    setBlacklisted(openid, blacklisted) {
      f.setBlacklisted(indexOf(openid), blacklisted);
    },
  };
  return view;
}
