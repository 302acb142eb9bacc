// Phone helpers for the lookup. libphonenumber-js/min (~30 kB gzip) and the parsing built on it are not
// needed for first paint, so they live in their own chunk (./phoneLib): `preloadPhoneLib()` fetches it on
// idle after the first rows, and everything that needs it awaits `loadPhoneLib()`.

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

/** Runs a task when the browser is idle (falls back to a timeout where requestIdleCallback is missing). */
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

export function preloadPhoneLib(): void {
  if (!libPromise) whenIdle(() => void loadPhoneLib());
}

/** Region from the browser's locale ("en-GB" → "GB"), US when the locale has none. */
export function regionFromLocale(languages: readonly string[]): string {
  for (const tag of languages) {
    // Most tags carry the region ("en-GB", "zh-Hant-TW"): read it directly. Intl.Locale#maximize() loads
    // likely-subtags data and costs tens of milliseconds on first use, so it is only the fallback ("de").
    const explicit = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1];
    if (explicit) return explicit.toUpperCase();
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // An unparseable language tag just moves on to the next one.
    }
  }
  return 'US';
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

export function regionName(code: string | undefined): string {
  if (!code) return '';
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
