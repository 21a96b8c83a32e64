import { useEffect } from 'react';

/**
 * Sets `<body data-app-state="ready">` once the first real content is on screen; tests wait on it
 * instead of sleeping. It is never taken back (a later refetch is not a new start).
 */
export function useAppReadyMarker(ready: boolean): void {
  useEffect(() => {
    if (ready) document.body.dataset['appState'] = 'ready';
  }, [ready]);
}
