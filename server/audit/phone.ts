// Numbers in the trail: never stored in clear. An entry keeps the masked form for display and an HMAC of
// the E.164 for exact search; the HMAC key lives outside the database (a setting or key file), so a copy of
// the database cannot be brute-forced back to numbers (the number space is small enough for plain sha256).
import { createHmac } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { maskPhone } from '../../src/shared/mask.ts';
import { isTelUri, numberFromTelUri } from '../../src/shared/telUri.ts';
import type { Json } from './entry.ts';

export interface PhoneFields {
  phone_masked: string;
  phone_hash: string;
}

/** The E.164 form of what was typed or stored ("+44 7700 900123", "0044…", "447700…"), or null. */
export function toE164(input: string): { e164: string; countryCode: string | null } | null {
  // RFC 3966 URIs (parameters such as ;ext= included) through the one tel: parser the API and console use.
  let text = isTelUri(input) ? (numberFromTelUri(input) ?? '') : input.trim();
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || /[^\d\s()+.\-/]/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed
    ? { e164: parsed.number, countryCode: parsed.countryCallingCode }
    : { e164: `+${digits}`, countryCode: null };
}

export function phoneHash(e164: string, key: Buffer): string {
  return createHmac('sha256', key).update(e164).digest('hex');
}

/** Masked + hashed fields for a number; null for text that is not a number (then it is masked as text). */
export function phoneFields(input: string, key: Buffer): PhoneFields | null {
  const number = toE164(input);
  if (!number) return null;
  return {
    phone_masked: maskPhone(number.e164, number.countryCode),
    phone_hash: phoneHash(number.e164, key),
  };
}

// Strings in `details` that look like a phone number (international, "tel:", or bracketed national forms).
const PHONE_LIKE = /^(\+|00|tel:|\()[\d\s()+.\-/:tel]*\d{2}$/i;
const PHONE_KEY = /phone|number|e164|msisdn/i;

/**
 * `details` with every number-looking string masked: an edit's before/after or a lookup query must not
 * carry a number in clear by accident. Callers put the number itself in `phone`. NUL characters are dropped.
 */
export function maskNumbersIn(value: Json, key = ''): Json {
  if (typeof value === 'string') {
    if (value.includes('\0')) return maskNumbersIn(value.replaceAll('\0', ''), key); // PostgreSQL text refuses NUL
    const digits = value.replace(/\D/g, '').length;
    return digits >= 6 && (PHONE_LIKE.test(value) || PHONE_KEY.test(key)) ? maskPhone(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskNumbersIn(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskNumbersIn(v, k)]));
  }
  return value;
}
