// The Import screen is its own chunk (admins only; papaparse, the worker and read-excel-file come later
// still, when a file is chosen). This entry point is all of it that the first page load carries.
import { lazy } from 'react';

const loadImportPage = () => import('./ImportPage');

export const LazyImportPage = lazy(() => loadImportPage().then((m) => ({ default: m.ImportPage })));

/** Before hydrating a server-rendered /import, so its controls are live from the first commit. */
export function loadImportScreenFor(location: { pathname: string }): Promise<unknown> {
  return /^\/import(\/|$)/.test(location.pathname) ? loadImportPage() : Promise.resolve();
}
