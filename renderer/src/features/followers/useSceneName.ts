import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownScene } from './sceneNames';

/** A source scene in words ("扫描二维码"); an unknown one keeps its raw value in brackets. */
export function useSceneName(): (scene: string | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (scene: string | null) => {
      if (!scene) return t('common.unknown');
      if (isKnownScene(scene)) return t(`scenes.${scene}`);
      return t('scenes.unknownScene', { scene });
    },
    [t],
  );
}
