import { useEffect } from 'react';
import { preloadLazyParts } from './lazyPart';

/**
 * Sets `<body data-app-state="ready">` once the first real content is on screen; tests wait on it
 * instead of sleeping. It is never taken back (a later refetch is not a new start). From then on,
 * the parts of the app that were left out of the first screen are fetched in the background.
 */
export function useAppReadyMarker(ready: boolean): void {
  useEffect(() => {
    if (!ready || document.body.dataset['appState'] === 'ready') return;
    document.body.dataset['appState'] = 'ready';
    preloadLazyParts();
  }, [ready]);
}
