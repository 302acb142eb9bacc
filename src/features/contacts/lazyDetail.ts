import { lazy } from 'react';

// The detail screen is not needed to show the first rows, so it is its own chunk. It is fetched on idle
// once the list is up (see ContactsPage), so opening a contact still feels instant.
const load = () => import('./ContactDetail');
let pending: ReturnType<typeof load> | null = null;

export function preloadContactDetail(): ReturnType<typeof load> {
  pending ??= load();
  return pending;
}

export const LazyContactDetail = lazy(() =>
  preloadContactDetail().then((m) => ({ default: m.ContactDetail })),
);
