import type { SubscribeScene } from '#contract/scenes';

/** Every `subscribe_scene` WeChat documents, in the order of the filter list (most common first). */
export const SCENES = [
  'ADD_SCENE_SEARCH',
  'ADD_SCENE_QR_CODE',
  'ADD_SCENE_PROFILE_CARD',
  'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION',
  'ADD_SCENE_PAID',
  'ADD_SCENE_WECHAT_ADVERTISEMENT',
  'ADD_SCENE_REPRINT',
  'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_CHANNELS',
  'ADD_SCENE_WXA',
  'ADD_SCENE_OTHERS',
] as const satisfies readonly SubscribeScene[];

export type KnownScene = SubscribeScene;

export function isKnownScene(scene: string): scene is KnownScene {
  return (SCENES as readonly string[]).includes(scene);
}
