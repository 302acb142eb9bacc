// The Signed-in screen is its own chunk: only admins open it, so nobody else downloads it.
import { lazy } from 'react';
import { SIGNED_IN_PAGE } from '../../shared/sessions';

const loadSignedInPage = () => import('./SignedInPage');

export const LazySignedInPage = lazy(() => loadSignedInPage().then((m) => ({ default: m.SignedInPage })));

/** Before hydrating a server-rendered Signed-in screen, so its buttons are React's from the first commit. */
export function loadSignedInScreenFor(location: { pathname: string }): Promise<unknown> {
  return location.pathname === SIGNED_IN_PAGE ? loadSignedInPage() : Promise.resolve();
}
