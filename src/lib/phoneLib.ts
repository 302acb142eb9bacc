// The lazily loaded half of the phone lookup: libphonenumber-js/min plus the parsing built on it. Only
// what the console uses is imported, so the chunk tree-shakes the rest of the library (AsYouType,
// findNumbers, …), and the explanations below stay out of the initial bundle too.

// The import's line-type check runs on its own metadata (features/import/line-types.json); its class lives in
// this chunk with the rest of the library rather than in a chunk of its own.
import { type E164Number, type MetadataJson, type NumberType, PhoneNumber } from 'libphonenumber-js/core';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
import { isTelUri, numberFromTelUri } from '../shared/telUri';
import { regionName } from './regions';

export type PhoneParse =
  | { ok: true; e164: string; international: string; region: string | undefined }
  /** `incomplete`: too few digits so far (while typing, that is not yet a mistake). */
  | { ok: false; reason: string; incomplete?: true };
export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: string };

/** The text a phone parser should read ("tel:" URIs opened, "00" read as "+"), or why there is none. */
function prepare(input: string): { text: string } | { reason: string } {
  let text = input.trim();
  if (!text) return { reason: 'Enter a phone number to look up.' };
  if (isTelUri(text)) {
    const number = numberFromTelUri(text);
    if (number === null) return { reason: 'That tel: link holds no phone number.' };
    text = number;
  }
  if (/[^\d\s()+.\-/]/.test(text)) {
    return { reason: 'A phone number can only contain digits, spaces, +, -, ., / and brackets.' };
  }
  // "00" is the international call prefix almost everywhere; treat it as "+" whatever the default region.
  return { text: text.startsWith('00') ? `+${text.slice(2)}` : text };
}

const countryOf = (region: string) => (isSupportedCountry(region) ? (region as CountryCode) : undefined);

/**
 * Normalises what a caller reads out or pastes ("+44 20 7946 0958", "(415) 555-0100", "0044 20 …",
 * "tel:+44-20-7946-0958") to E.164, or explains why it cannot, before any request is made.
 */
export function parsePhone(input: string, region: string): PhoneParse {
  const prepared = prepare(input);
  if ('reason' in prepared) return { ok: false, reason: prepared.reason };
  const { text } = prepared;
  const country = countryOf(region);
  const where = text.startsWith('+') ? 'for that country code' : `in ${regionName(country ?? 'US')}`;
  const lengthProblem = validatePhoneNumberLength(text, country);
  if (lengthProblem === 'INVALID_COUNTRY') {
    return text.startsWith('+')
      ? { ok: false, reason: 'That country code does not exist.' }
      : { ok: false, reason: 'Start with + and the country code, or pick the right default region.' };
  }
  if (lengthProblem === 'TOO_SHORT' || lengthProblem === 'NOT_A_NUMBER') {
    return { ok: false, reason: `Too few digits for a phone number ${where}.`, incomplete: true };
  }
  if (lengthProblem === 'TOO_LONG')
    return { ok: false, reason: `Too many digits for a phone number ${where}.` };
  const phone = parsePhoneNumberFromString(text, country);
  if (!phone?.isValid()) {
    return {
      ok: false,
      reason: `${phone?.formatInternational() ?? text} is not a valid phone number ${where}.`,
    };
  }
  return { ok: true, e164: phone.number, international: phone.formatInternational(), region: phone.country };
}

/**
 * parsePhone for one number of many (an import's 100,000): the usual valid number is parsed once, and
 * parsePhone's slower checks run only to explain one that fails. Same answers, about half the time.
 */
export function toE164(input: string, region: string): PhoneCheck {
  const prepared = prepare(input);
  const phone = 'text' in prepared ? parsePhoneNumberFromString(prepared.text, countryOf(region)) : undefined;
  if (phone?.isValid()) return { ok: true, e164: phone.number };
  const result = parsePhone(input, region);
  return result.ok ? { ok: true, e164: result.e164 } : { ok: false, reason: result.reason };
}

export interface RegionOption {
  code: string;
  label: string;
}

/** Every region the library knows, "United Kingdom (+44)", sorted by name: a default-region picker's choices. */
export function regionOptions(): RegionOption[] {
  return getCountries()
    .map((code) => ({ code, label: `${regionName(code)} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Display form of a stored E.164 number (the raw value if it does not parse). */
export function formatE164(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** libphonenumber's type of a valid E.164 number under `metadata`; null when that data does not know it. */
export function numberTypeIn(e164: string, metadata: MetadataJson): NumberType | null {
  try {
    return new PhoneNumber(e164 as E164Number, metadata).getType() ?? null;
  } catch {
    return null; // a calling code this data does not know
  }
}
