// Phone helpers for the lookup and the import (here, not in a feature, because both use them).
// libphonenumber-js/min (~30 kB gzip) and the parsing built on it are not needed for first paint, so they
// live in their own chunk (./phoneLib): `preloadPhoneLib()` fetches it on idle after the first rows, and
// everything that needs it awaits `loadPhoneLib()`. Region names are ./regions (the lazy half uses them too).
import { whenIdle } from './idle';

export type PhoneLib = typeof import('./phoneLib');

let libPromise: Promise<PhoneLib> | null = null;
let loaded: PhoneLib | null = null;

export function loadPhoneLib(): Promise<PhoneLib> {
  libPromise ??= import('./phoneLib').then((lib) => {
    loaded = lib;
    return lib;
  });
  return libPromise;
}

/**
 * The library if it is already here, for rendering synchronously: the server loads it before rendering a
 * lookup, and the browser before hydrating one (see lazyScreens), so both render the same text.
 */
export function phoneLibIfLoaded(): PhoneLib | null {
  return loaded;
}

export function preloadPhoneLib(): void {
  if (!libPromise) whenIdle(() => void loadPhoneLib());
}
