import { lazy } from 'react';
import { loadPhoneLib } from '../../lib/phone';

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
 * The screen chunks a server-rendered URL shows, loaded before hydration: hydrating a lazy screen whose
 * code is still on its way would leave the rendered controls dead until it arrives.
 */
export function loadScreenFor(location: { pathname: string; search: string }): Promise<unknown> {
  if (location.pathname.startsWith('/contacts/')) return loadDetail();
  // A lookup renders the number with the phone library (and normalises a typed one with it): the server
  // did, so the first browser render must have it too.
  if (new URLSearchParams(location.search).has('phone')) return Promise.all([loadLookup(), loadPhoneLib()]);
  return Promise.resolve();
}

export const LazyContactDetail = lazy(() => loadDetail().then((m) => ({ default: m.ContactDetail })));
export const LazyLookupResult = lazy(() => loadLookup().then((m) => ({ default: m.LookupResult })));
