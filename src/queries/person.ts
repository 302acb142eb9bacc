// The signed-in person (never changes while the page lives: sign-out leaves it) and what their role lets the
// console show. Without staff sign-in there is no person and everything is allowed, as before.
import { useQuery } from '@tanstack/react-query';
import { getPerson, type PersonCan } from '../api/person';
import { keys } from './keys';
import { useWantedOnServer } from './serverRender';

const EVERYTHING: PersonCan = {
  seeNumbers: true,
  edit: true,
  export: true,
  readAudit: true,
  manageContacts: true,
};
const NOTHING: PersonCan = {
  seeNumbers: false,
  edit: false,
  export: false,
  readAudit: false,
  manageContacts: false,
};

export function usePerson() {
  const options = {
    queryKey: keys.person(),
    queryFn: ({ signal }: { signal: AbortSignal }) => getPerson(signal),
    staleTime: Number.POSITIVE_INFINITY,
  };
  useWantedOnServer(options);
  return useQuery(options);
}

/** What the console may offer; nothing until the answer is in (the gateway enforces it either way). */
export function useCan(): PersonCan {
  const { data } = usePerson();
  if (data === undefined) return NOTHING;
  return data ? data.can : EVERYTHING;
}

/** Profiles the person may use: '*' (all, and the account's own scope) or a list. */
export function usePersonProfiles(): '*' | readonly string[] {
  return usePerson().data?.profiles ?? '*';
}
