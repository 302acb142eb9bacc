// What a server-rendered page hands to the browser: the query data it rendered with and the preferences
// it assumed, in a JSON <script> (not executable, so the CSP's "no inline script" still holds).
import type { DehydratedState } from '@tanstack/react-query';
import type { Prefs } from '../prefs/prefs';

export const SERVER_STATE_ID = 'sent-state';

export interface ServerState {
  queries: DehydratedState;
  prefs: Prefs;
}

/** JSON that is safe inside <script>: no "<" at all, so neither "</script>" nor "<!--" can occur. */
export function serializeServerState(state: ServerState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}

/** Reads the state once and removes it: it is stale after the first render, and it holds raw data. */
export function takeServerState(doc: Document): ServerState | null {
  const element = doc.getElementById(SERVER_STATE_ID);
  const text = element?.textContent;
  element?.remove();
  if (!text) return null;
  try {
    const state = JSON.parse(text) as ServerState;
    return state?.queries && state.prefs ? state : null;
  } catch {
    return null;
  }
}
