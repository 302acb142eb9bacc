// Phone parsing for the lookup. libphonenumber-js/min (~30 kB gzip) is not needed for first paint, so it
// lives in its own chunk: `preloadPhoneLib()` fetches it on idle after the first rows, and everything
// that needs it awaits `loadPhoneLib()`.
import type { CountryCode } from 'libphonenumber-js/min';

export type PhoneLib = typeof import('./phoneLib');

let libPromise: Promise<PhoneLib> | null = null;

export function loadPhoneLib(): Promise<PhoneLib> {
  libPromise ??= import('./phoneLib');
  return libPromise;
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
export function regionFromLocale(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): string {
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

export type PhoneParse = { ok: true; e164: string; international: string } | { ok: false; reason: string };

/**
 * Normalises what a caller reads out ("+44 20 7946 0958", "(415) 555-0100", "0044 20 …") to E.164, or
 * explains why it cannot, before any request is made.
 */
export function parsePhone(lib: PhoneLib, input: string, region: string): PhoneParse {
  let text = input.trim();
  if (!text) return { ok: false, reason: 'Enter a phone number to look up.' };
  if (/[^\d\s()+.\-/]/.test(text)) {
    return { ok: false, reason: 'A phone number can only contain digits, spaces, +, -, ., / and brackets.' };
  }
  // "00" is the international call prefix almost everywhere; treat it as "+" whatever the default region.
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  const country = lib.isSupportedCountry(region) ? (region as CountryCode) : undefined;
  const where = text.startsWith('+') ? 'for that country code' : `in ${regionName(country ?? 'US')}`;
  const lengthProblem = lib.validatePhoneNumberLength(text, country);
  if (lengthProblem === 'INVALID_COUNTRY') {
    return text.startsWith('+')
      ? { ok: false, reason: 'That country code does not exist.' }
      : { ok: false, reason: 'Start with + and the country code, or pick the right default region.' };
  }
  if (lengthProblem === 'TOO_SHORT' || lengthProblem === 'NOT_A_NUMBER') {
    return { ok: false, reason: `Too few digits for a phone number ${where}.` };
  }
  if (lengthProblem === 'TOO_LONG')
    return { ok: false, reason: `Too many digits for a phone number ${where}.` };
  const phone = lib.parsePhoneNumberFromString(text, country);
  if (!phone?.isValid()) {
    return {
      ok: false,
      reason: `${phone?.formatInternational() ?? text} is not a valid phone number ${where}.`,
    };
  }
  return { ok: true, e164: phone.number, international: phone.formatInternational() };
}

/** Display form of a stored E.164 number (falls back to the raw value until the library has loaded). */
export function formatE164(lib: PhoneLib | null, e164: string): string {
  return lib?.parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
