import { useSyncExternalStore } from 'react';
import type { Settings } from '#contract/settings';

const query = '(prefers-color-scheme: dark)';
const reducedQuery = '(prefers-reduced-motion: reduce)';

function subscribeTo(mediaQuery: string) {
  return (onChange: () => void): (() => void) => {
    const media = window.matchMedia(mediaQuery);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  };
}
const subscribe = subscribeTo(query);
const subscribeReduced = subscribeTo(reducedQuery);

/** Whether the system asks for less motion (antd's animations are then switched off). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReduced, () => window.matchMedia(reducedQuery).matches);
}

/** Whether to draw dark: the chosen theme, or the system's when following it. */
export function useDarkMode(theme: Settings['theme']): boolean {
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  return theme === 'dark' || (theme === 'system' && systemDark);
}
