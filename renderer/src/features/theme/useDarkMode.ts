import { useSyncExternalStore } from 'react';
import type { Settings } from '#contract/settings';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether to draw dark: the chosen theme, or the system's when following it. */
export function useDarkMode(theme: Settings['theme']): boolean {
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  return theme === 'dark' || (theme === 'system' && systemDark);
}
