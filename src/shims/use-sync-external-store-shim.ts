// React 18+ has useSyncExternalStore built in; the npm shim (pulled in by TanStack's store through
// use-sync-external-store/shim/with-selector) only adds a pre-18 fallback we would ship for nothing.
export { useSyncExternalStore } from 'react';
