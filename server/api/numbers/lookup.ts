// What GET /v3/numbers/lookup/{phone_number} answers for a valid number: deterministic facts, no network.
// The line type is libphonenumber's number type (max metadata); a mobile number (or one its region cannot
// tell from a landline, such as every US number) gets one of its region's real mobile networks and is
// ported for a stable ~8 %, both picked by a hash of the number so every request answers the same.
import { createHash } from 'node:crypto';
import type { NumberLookupResponse } from '@sentdm/sentdm/resources/numbers';
import type { PhoneNumber } from 'libphonenumber-js/max';
import { CARRIERS } from './carriers.ts';

export type NumberLookup = Required<NumberLookupResponse.Data>;

/** Share of mobile numbers answered as ported (in percent). */
export const PORTED_PERCENT = 8;

const MOBILE_TYPES = new Set(['mobile', 'fixed_line_or_mobile']);

/** Two independent 32-bit draws from the number: which network, and whether it was ported. */
function draws(e164: string): [network: number, ported: number] {
  const digest = createHash('sha256').update(e164).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}

export function lookupFacts(phone: PhoneNumber): NumberLookup {
  const lineType = phone.getType()?.toLowerCase() ?? 'unknown';
  const region = CARRIERS[phone.country ?? ''];
  const base = {
    phone_number: phone.number,
    country_code: phone.countryCallingCode,
    is_valid: true,
    line_type: lineType,
    is_voip: lineType === 'voip',
    carrier_name: null,
    mobile_country_code: null,
    mobile_network_code: null,
    is_ported: null,
  };
  if (!region) return base;
  if (MOBILE_TYPES.has(lineType) && region.mobile.length > 0) {
    const [pick, port] = draws(phone.number);
    const network = region.mobile[pick % region.mobile.length];
    if (!network) return base;
    return {
      ...base,
      carrier_name: network.name,
      mobile_country_code: network.mcc,
      mobile_network_code: network.mnc,
      is_ported: port % 100 < PORTED_PERCENT,
    };
  }
  if (lineType === 'fixed_line' && region.landline) {
    return { ...base, carrier_name: region.landline, is_ported: false };
  }
  return base;
}
