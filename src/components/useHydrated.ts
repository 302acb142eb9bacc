import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React hydrates server-rendered HTML (and on the server), true afterwards and in a plain
 * client render. For output that depends on the browser (its time zone): render the server's version
 * first so hydration matches, then the browser's own on the next commit.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
