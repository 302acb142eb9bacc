// What a number is (Sent's GET /v3/numbers/lookup/{phone_number}): line type, carrier, MCC/MNC, ported, VoIP.
// A contact's number is looked up by the gateway itself (GET /__numbers/contact/{id}), so people whose role
// sees numbers masked can have the facts too; both answer Sent's envelope with the same data.
import type { NumberLookupResponse } from '@sentdm/sentdm/resources/numbers';
import { contactNumberPath, numberLookupPath } from '../shared/numbers';
import { apiGet, type ProfileRequest } from './client';

export type NumberFacts = NumberLookupResponse.Data;

export function lookupNumber(phone: string, request: ProfileRequest): Promise<NumberFacts> {
  return apiGet<NumberFacts>(numberLookupPath(phone), request);
}

export function lookupContactNumber(contactId: string, request: ProfileRequest): Promise<NumberFacts> {
  return apiGet<NumberFacts>(contactNumberPath(contactId), request);
}
