// Privacy mode (mask phone numbers for screen sharing): one flag per browser, shared by every screen.
import { useCallback, useSyncExternalStore } from 'react';
import { maskPhone } from '../shared/mask';
import { savePref, usePrefs } from './prefs';

const listeners = new Set<() => void>();

/** Set once the user toggles; until then the stored preference (the same on server and client) rules. */
let enabled: boolean | null = null;

export function setPrivacy(on: boolean): void {
  enabled = on;
  savePref('privacy', on ? 'on' : null);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function usePrivacy(): boolean {
  const stored = usePrefs().privacy;
  return useSyncExternalStore(
    subscribe,
    () => enabled ?? stored,
    () => stored,
  );
}

/** A function that shows a phone number as privacy mode wants it (masked or as is). */
export function usePhoneMask(): (text: string, countryCode?: string | null) => string {
  const on = usePrivacy();
  return useCallback((text, countryCode) => (on ? maskPhone(text, countryCode) : text), [on]);
}
