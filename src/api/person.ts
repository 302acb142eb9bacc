// Who is signed in (the gateway's GET /__me) and revealing one contact's masked numbers (POST /__reveal/{id}).
import {
  ME_PATH,
  type PersonCan,
  REVEAL_PREFIX,
  type RevealedNumbers,
  type SignedInPerson,
} from '../shared/person';
import { apiGet, apiRequest, type ProfileId } from './client';

export type { PersonCan, RevealedNumbers, SignedInPerson };

/** The signed-in person, or null when the console has no staff sign-in (loopback demo, access secret). */
export async function getPerson(signal?: AbortSignal): Promise<SignedInPerson | null> {
  const data = await apiGet<{ person: SignedInPerson | null }>(ME_PATH, { signal });
  return data?.person ?? null;
}

/** One contact's numbers unmasked, for a role whose numbers are masked; the gateway records it. */
export function revealNumbers(contactId: string, profileId: ProfileId): Promise<RevealedNumbers> {
  return apiRequest<RevealedNumbers>('POST', `${REVEAL_PREFIX}${encodeURIComponent(contactId)}`, {
    profileId,
  });
}
