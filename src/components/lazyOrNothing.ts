import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A lazy component from a chunk's named export. The app has no error boundary, so a chunk that fails to load
 * (offline, a newer deploy) renders nothing instead of throwing into React; its opener just does nothing.
 */
export function lazyOrNothing<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: () => null }),
    ),
  );
}
