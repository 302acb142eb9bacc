// Phone helpers for the lookup. libphonenumber-js/min (~30 kB gzip) and the parsing built on it are not
// needed for first paint, so they live in their own chunk (./phoneLib): `preloadPhoneLib()` fetches it on
// idle after the first rows, and everything that needs it awaits `loadPhoneLib()`. Region names are
// ../../lib/regions (the lazy half uses them too).
import { whenIdle } from '../../lib/idle';

export type PhoneLib = typeof import('./phoneLib');

let libPromise: Promise<PhoneLib> | null = null;

export function loadPhoneLib(): Promise<PhoneLib> {
  libPromise ??= import('./phoneLib');
  return libPromise;
}

export function preloadPhoneLib(): void {
  if (!libPromise) whenIdle(() => void loadPhoneLib());
}
