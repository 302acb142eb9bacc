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

export const LazyContactDetail = lazy(() => loadDetail().then((m) => ({ default: m.ContactDetail })));
export const LazyLookupResult = lazy(() => loadLookup().then((m) => ({ default: m.LookupResult })));
