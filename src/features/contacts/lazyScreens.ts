import { lazy } from 'react';

// Screens that are not needed to show the first rows are their own chunks. They are fetched on idle once
// the list is up (see ContactsPage), so opening a contact or looking a number up still feels instant.
const loadDetail = () => import('./ContactDetail');
const loadLookup = () => import('./LookupResult');
/** Starts both downloads; the module loader caches them, so calling this again costs nothing. */
export function preloadScreens(): void {
  void loadDetail();
  void loadLookup();
}

/**
 * The screen chunk a server-rendered URL shows, loaded before hydration: hydrating a lazy screen whose
 * code is still on its way would leave the rendered controls dead until it arrives.
 */
export function loadScreenFor(location: { pathname: string; search: string }): Promise<unknown> {
  if (location.pathname.startsWith('/contacts/')) return loadDetail();
  if (new URLSearchParams(location.search).has('phone')) return loadLookup();
  return Promise.resolve();
}

export const LazyContactDetail = lazy(() => loadDetail().then((m) => ({ default: m.ContactDetail })));
export const LazyLookupResult = lazy(() => loadLookup().then((m) => ({ default: m.LookupResult })));
