// What a server-rendered page hands to the browser: the query data it rendered with and the preferences
// it assumed, in the JSON <script> whose id the gateway knows (src/shared/serverState.ts).
import type { DehydratedState } from '@tanstack/react-query';
import type { Prefs } from './prefs/prefs';
import { SERVER_STATE_ID, scriptSafeJson } from './shared/serverState';

export interface ServerState {
  queries: DehydratedState;
  prefs: Prefs;
}

export function serializeServerState(state: ServerState): string {
  return scriptSafeJson(state);
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
