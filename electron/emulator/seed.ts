// Deterministic seed data: who follows, since when, from which scene, with which remark, tags
// and legacy groups. Everything is a pure function of the app's seed.

import type { AppState } from './appState';
import { hash3, unit } from './random';

/** Plausible shares of subscribe scenes, in SCENES order. */
const SCENE_WEIGHTS = [30, 3, 12, 25, 8, 3, 1, 5, 2, 2, 4, 2, 3];
const SCENE_CUMULATIVE = (() => {
  const total = SCENE_WEIGHTS.reduce((a, b) => a + b, 0);
  let acc = 0;
  return SCENE_WEIGHTS.map((w) => (acc += w) / total);
})();

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
];
const TITLES = ['先生', '女士', '老师', '姐', '哥', '总', '阿姨', '师傅'];
const PLACES = ['朝阳店', '海淀店', '浦东', '天河', '南山', '老城区'];

/** Remarks typed in the console, which takes up to 30 characters: longer than the API accepts back. */
const LONG_NOTES = ['老顾客介绍的朋友', '每周六上午来取货', '要开发票抬头公司', '只在晚上回复消息'];

/**
 * ~1/3 of seeded followers have a remark. Most are < 30 UTF-8 bytes (≤ 9 CJK characters, what
 * updateremark accepts); about one in 14 was set in the console and is longer (doc §4.3).
 */
export function seededRemark(key: number, i: number): string {
  const h = hash3(key, i, 0x72656d6b);
  if (h % 3 !== 0) return '';
  const h2 = hash3(h, i, 1);
  const surname = SURNAMES[h2 % SURNAMES.length];
  switch ((h2 >>> 8) % 7) {
    case 6:
      if ((h2 >>> 20) % 2 === 0)
        return `${surname}${GIVEN[(h2 >>> 12) % GIVEN.length]}${TITLES[(h2 >>> 16) % TITLES.length]}`;
      return `${surname}${TITLES[(h2 >>> 12) % TITLES.length]}，${LONG_NOTES[(h2 >>> 16) % LONG_NOTES.length]}`;
    case 0:
      return surname + GIVEN[(h2 >>> 12) % GIVEN.length];
    case 1:
      return surname + GIVEN[(h2 >>> 12) % GIVEN.length] + GIVEN[(h2 >>> 17) % GIVEN.length];
    case 2:
      return surname + TITLES[(h2 >>> 12) % TITLES.length];
    case 3:
      return `${surname}${TITLES[(h2 >>> 12) % TITLES.length]}-${PLACES[(h2 >>> 16) % PLACES.length]}`;
    case 4:
      return `VIP ${surname}${GIVEN[(h2 >>> 12) % GIVEN.length]}`;
    default:
      return `${surname}${GIVEN[(h2 >>> 12) % GIVEN.length]} ${1300 + ((h2 >>> 16) % 600)}`;
  }
}

/** Seeded tags: name and the share of subscribed followers that carry it. */
const SEED_TAGS: [string, number][] = [
  ['老顾客', 0.12],
  ['会员', 0.08],
  ['北京', 0.06],
  ['上海', 0.05],
  ['活动报名', 0.03],
  ['潜在客户', 0.02],
  ['员工', 0.002],
];
const STAR_SHARE = 0.004;
const SEED_GROUPS: [string, number][] = [
  ['老客户', 0.1],
  ['合作伙伴', 0.01],
];

const YEAR_S = 365 * 86400;

export interface SeedPlan {
  followers: number;
  withTags: boolean;
  startTime: number;
}

/** Fills an empty AppState. Index order is subscription order (user/get order). */
export function seedApp(app: AppState, plan: SeedPlan): void {
  const { followers: store, key } = app;
  const n = plan.followers;
  // Subscribe times over ~6 years, growing faster recently; last one a day before the clock start.
  const end = Math.floor(plan.startTime / 1000) - 86400;
  const span = 6 * YEAR_S;
  for (let i = 0; i < n; i++) {
    const h = hash3(key, i, 0x73756273);
    const u = n === 1 ? 1 : i / (n - 1);
    const t = end - Math.floor(span * (1 - Math.sqrt(u))) - (h % 3600);
    const s = unit(hash3(key, i, 0x7363656e));
    let scene = 0;
    while (scene < SCENE_CUMULATIVE.length - 1 && s >= SCENE_CUMULATIVE[scene]) scene++;
    // ~3% unfollowed; they keep their index (batchget answers subscribe:0), not in user/get.
    const subscribed = unit(hash3(key, i, 0x756e6673)) >= 0.03;
    store.add(t, scene, subscribed);
  }
  store.seededCount = n;
  for (let i = 0; i < n; i++) {
    if (!store.isSubscribed(i)) continue;
    if (unit(hash3(key, i, 0x626c6b6c)) < 0.005) store.setBlacklisted(i, true);
  }
  if (!plan.withTags) return;
  const tags = app.tags;
  const star = tags.get(2);
  const created = SEED_TAGS.map(([name, share]) => ({ tag: tags.create(name), share }));
  for (let i = 0; i < n; i++) {
    if (!store.isSubscribed(i)) continue;
    for (let t = 0; t < created.length; t++) {
      if (unit(hash3(key, i, 0x74616700 + t)) < created[t].share) tags.add(created[t].tag, i);
    }
    if (star && unit(hash3(key, i, 0x73746172)) < STAR_SHARE) tags.add(star, i);
  }
  const groupIds = SEED_GROUPS.map(([name]) => app.groups.create(name).id);
  for (let i = 0; i < n; i++) {
    const u = unit(hash3(key, i, 0x67727570));
    let acc = 0;
    for (let g = 0; g < SEED_GROUPS.length; g++) {
      acc += SEED_GROUPS[g][1];
      if (u < acc) {
        store.groupId[i] = groupIds[g];
        break;
      }
    }
  }
}
