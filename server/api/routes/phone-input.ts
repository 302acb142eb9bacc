// A phone number as a request carries it (any format the contacts `phone` filter accepts, RFC 3966 tel: URIs
// included), turned into E.164 or into Sent's error for a bad phone: 400 VALIDATION_002, never a 500.
import type { PhoneNumber } from 'libphonenumber-js/max';
import { ApiFailure } from '../errors.ts';
import { normalizeToE164, parseValid } from '../phone.ts';

export function invalidPhone(field = 'phone', detail?: string): ApiFailure {
  return new ApiFailure('VALIDATION_002', 'Phone number must be a valid phone number in E.164 format.', {
    [field]: [detail ?? 'Use the international format with country code, e.g. +14155550100.'],
  });
}

export function toE164(raw: string, field = 'phone'): string {
  const e164 = normalizeToE164(raw);
  if (!e164) throw invalidPhone(field);
  return e164;
}

/** The number, which must be valid (a possible but unassigned one says so). */
export function validPhone(raw: string, field = 'phone'): PhoneNumber {
  const e164 = toE164(raw, field);
  const phone = parseValid(e164);
  if (!phone) throw invalidPhone(field, `${e164} is not a valid number in its country's numbering plan.`);
  return phone;
}
