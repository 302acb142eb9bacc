// Per-browser preferences (privacy mode, table layout, lookup region). They live in cookies rather than
// localStorage so the server can render the first screen exactly as this browser will show it: no flash
// of unmasked numbers or of columns the user hid. The gateway never forwards cookies to the API.
import { createContext, useContext } from 'react';
import { regionFromLocale } from '../lib/regions';

export const PREF_COOKIES = {
  privacy: 'sent_privacy',
  layout: 'sent_layout',
  region: 'sent_region',
} as const;

export type PrefName = keyof typeof PREF_COOKIES;

export interface Prefs {
  privacy: boolean;
  /** Raw stored table layout (parsed defensively by the table). */
  layout: string | null;
  /** Lookup region the user chose, if any. */
  region: string | null;
  /** The browser's languages (navigator.languages, or Accept-Language on the server). */
  languages: readonly string[];
}

export const DEFAULT_PREFS: Prefs = { privacy: false, layout: null, region: null, languages: [] };

/** One cookie's value from a Cookie header or document.cookie; null when absent or undecodable. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Language tags from an Accept-Language header, best first ("en-GB,en;q=0.8" → ["en-GB", "en"]). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag)
    .slice(0, 8);
}

export function readPrefs(cookies: string, languages: readonly string[]): Prefs {
  const region = readCookie(cookies, PREF_COOKIES.region);
  return {
    privacy: readCookie(cookies, PREF_COOKIES.privacy) === 'on',
    layout: readCookie(cookies, PREF_COOKIES.layout),
    region: region && /^[A-Z]{2}$/.test(region) ? region : null,
    languages,
  };
}

/** Remembers a preference for a year (null forgets it). Only in the browser. */
export function savePref(name: PrefName, value: string | null): void {
  if (typeof document === 'undefined') return;
  const cookie = `${PREF_COOKIES[name]}=${value === null ? '' : encodeURIComponent(value)}`;
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous and everywhere (the Cookie Store API is neither); the value is encoded above
  document.cookie = `${cookie}; path=/; max-age=${value === null ? 0 : 31_536_000}; samesite=lax`;
}

export const PrefsContext = createContext<Prefs>(DEFAULT_PREFS);

export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}

/**
 * The region assumed for numbers without a country code (the lookup's, and the import's): the user's
 * choice, else the locale's.
 */
export function defaultRegion(prefs: Prefs): string {
  return prefs.region ?? regionFromLocale(prefs.languages);
}
