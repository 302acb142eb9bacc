import { useState } from 'react';
import { type Removal, useContactRemoval } from '../../../queries/contactChanges';
import type { Contact } from '../../../queries/contacts';
import { describeError, type ErrorDescription } from '../../../queries/errors';
import type { ProfileId } from '../../../queries/keys';
import { eachLimited } from './pool';

/** DELETEs in flight at once: quick for a page of contacts, gentle on the team's shared API budget. */
export const CONCURRENCY = 3;

export interface BulkFailure {
  contact: Contact;
  error: ErrorDescription;
}

export interface BulkState {
  phase: 'ready' | 'running' | 'finished';
  /** Contacts gone, and how: 'already' when the API said it was not there (404), e.g. on a retry. */
  removed: { id: string; outcome: Removal }[];
  /** The last run's failures (a retry runs exactly these again). */
  failures: BulkFailure[];
}

/**
 * Removes several contacts, a few at a time, each with its own DELETE; failures are kept with their code,
 * message and request id, and `retry` runs only those again. `settle` (when the dialog closes) updates the
 * cache and refetches the lists.
 */
export function useBulkRemoval(profileId: ProfileId, contacts: readonly Contact[]) {
  const { remove, settle } = useContactRemoval(profileId);
  const [state, setState] = useState<BulkState>({ phase: 'ready', removed: [], failures: [] });

  const run = async (batch: readonly Contact[]) => {
    setState((s) => ({ ...s, phase: 'running', failures: [] }));
    await eachLimited(batch, CONCURRENCY, async (contact) => {
      const id = contact.id ?? '';
      try {
        const outcome = await remove(id);
        setState((s) => ({ ...s, removed: [...s.removed, { id, outcome }] }));
      } catch (error) {
        setState((s) => ({ ...s, failures: [...s.failures, { contact, error: describeError(error) }] }));
      }
    });
    setState((s) => ({ ...s, phase: 'finished' }));
  };

  return {
    state,
    start: () => void run(contacts),
    retry: () => void run(state.failures.map((failure) => failure.contact)),
    settle: () => settle(state.removed.map((r) => r.id)),
  };
}
