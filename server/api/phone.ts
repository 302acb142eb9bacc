import { PhoneNumber as CorePhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import { isTelUri, numberFromTelUri, telUriFromInternational } from '../../src/shared/telUri.ts';

/** Every phone format the Sent contact carries, computed by libphonenumber-js. */
export interface PhoneFormats {
  e164: string;
  international: string;
  national: string;
  rfc: string;
  countryCode: string;
  regionCode: string;
  /** Digits a search can match: E.164 digits and the national form's digits (with its trunk prefix). */
  searchDigits: string;
}

export function formatsOf(phone: PhoneNumber): PhoneFormats {
  const national = phone.formatNational();
  const international = phone.formatInternational();
  return {
    e164: phone.number,
    international,
    national,
    rfc: telUriFromInternational(international),
    countryCode: phone.countryCallingCode,
    regionCode: phone.country ?? '',
    searchDigits: `${phone.number.slice(1)} ${national.replace(/\D/g, '')}`,
  };
}

/**
 * Normalises what a caller typed ("+44 20 7946 0958", "0044 20…", "14155550100", "tel:+44-20-7946-0958")
 * to E.164, or null. No default region: an API request carries no locale, so the number must carry its
 * country code.
 */
export function normalizeToE164(input: string): string | null {
  let text = isTelUri(input) ? numberFromTelUri(input) : input.trim();
  if (text === null) return null;
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  else if (!text.startsWith('+')) text = `+${text}`;
  if (/[^\d\s()+.\-/]/.test(text)) return null;
  const phone = parsePhoneNumberFromString(text);
  return phone?.isPossible() ? phone.number : null;
}

export function parseValid(e164: string): PhoneNumber | null {
  const phone = parsePhoneNumberFromString(e164);
  return phone?.isValid() ? phone : null;
}

/**
 * A number from its known region and national digits, skipping the text parser: seeding a million contacts
 * spends most of its time parsing otherwise. Validity and every format still come from libphonenumber-js.
 * (The three-argument constructor is the library's own internal form behind `new PhoneNumber(e164)`.)
 */
const NumberFromParts = CorePhoneNumber as unknown as new (
  region: CountryCode,
  nationalNumber: string,
  metadata: MetadataJson,
) => PhoneNumber;

export function validFromParts(region: CountryCode, nationalNumber: string): PhoneNumber | null {
  const phone = new NumberFromParts(region, nationalNumber, metadata as MetadataJson);
  return phone.isValid() ? phone : null;
}
