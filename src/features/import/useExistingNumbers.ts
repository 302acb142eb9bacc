// The profile's numbers, for "already in the profile", once the check is done: one small request gives
// the profile's size, and the plan (./existing) decides whether reading the whole list is worth it.
import { useEffect, useRef, useState } from 'react';
import { useApiCapabilities } from '../../queries/capabilities';
import { contactPageFetcher } from '../../queries/exportPages';
import type { ProfileId } from '../../queries/keys';
import { checkExisting, type ExistingPlan, type ExistingProgress } from './existing';

export type ExistingState =
  | { kind: 'waiting' }
  | { kind: 'sizing' }
  | { kind: 'reading'; plan: ExistingPlan; progress: ExistingProgress }
  | { kind: 'known'; plan: ExistingPlan; numbers: Set<string> }
  /** Reading would cost more than the import: the import counts them as it goes. */
  | { kind: 'skipped'; plan: ExistingPlan }
  | { kind: 'failed'; error: unknown };

/**
 * Starts when `ready` turns true (the check is done), with the `sends` of that moment: later fixes and
 * drops do not restart the read, a new check (`checkRun`: another column, region or header row) does.
 * `attempt` changes to try again after a failure.
 */
export function useExistingNumbers(
  profileId: ProfileId,
  ready: boolean,
  sends: number,
  attempt: number,
  checkRun: number,
): ExistingState {
  const { version } = useApiCapabilities();
  const [state, setState] = useState<ExistingState>({ kind: 'waiting' });
  const sendsNow = useRef(sends);
  sendsNow.current = sends;

  useEffect(() => {
    void attempt;
    void checkRun;
    if (!ready) {
      setState({ kind: 'waiting' });
      return;
    }
    const controller = new AbortController();
    const { signal } = controller;
    const fetchPage = contactPageFetcher({ profileId }, version);
    const run = async () => {
      setState({ kind: 'sizing' });
      const { plan, numbers } = await checkExisting(fetchPage, sendsNow.current, {
        signal,
        onPlan: (plan) =>
          plan.read && setState({ kind: 'reading', plan, progress: { pagesDone: 0, pages: plan.pages } }),
        onProgress: (progress) => setState((now) => (now.kind === 'reading' ? { ...now, progress } : now)),
      });
      setState(numbers ? { kind: 'known', plan, numbers } : { kind: 'skipped', plan });
    };
    run().catch((error: unknown) => signal.aborted || setState({ kind: 'failed', error }));
    return () => controller.abort();
  }, [profileId, ready, version, attempt, checkRun]);

  return state;
}
