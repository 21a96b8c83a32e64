import { lazy, useState, type ComponentType } from 'react';

const loaders = new Set<() => Promise<unknown>>();

/**
 * React.lazy for a component the first screen does not show (another screen, a drawer, a dialog):
 * it comes in its own chunk, so the script the window waits for is smaller. Render it inside a
 * Suspense whose fallback is nothing or a skeleton.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const loadOnce = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  loaders.add(loadOnce);
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })));
  return function LazyPart(props: P) {
    // Already fetched (see preloadLazyParts): the component itself, for React.lazy would still
    // suspend for a moment on its first render. Chosen once, so the part never remounts.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  };
}

/**
 * Once the first screen is up, fetches every lazy part in idle time, so that opening a drawer or
 * a dialog later does not wait for its chunk.
 */
export function preloadLazyParts(): void {
  requestIdleCallback(() => {
    for (const load of loaders) void load().catch(() => undefined);
  });
}
