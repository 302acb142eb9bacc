// Privacy mode (mask phone numbers for screen sharing): one flag per browser, shared by every screen.
import { useCallback, useSyncExternalStore } from 'react';
import { maskPhone } from './mask';

export const PRIVACY_KEY = 'sent-console:privacy:v1';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(PRIVACY_KEY) === 'on';
  } catch {
    return false; // Storage blocked (privacy settings): the mode still works for this page.
  }
}

let enabled = typeof localStorage === 'undefined' ? false : read();

export function setPrivacy(on: boolean): void {
  enabled = on;
  try {
    localStorage.setItem(PRIVACY_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered, but applied.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function usePrivacy(): boolean {
  return useSyncExternalStore(subscribe, () => enabled);
}

/** A function that shows a phone number as privacy mode wants it (masked or as is). */
export function usePhoneMask(): (text: string, countryCode?: string | null) => string {
  const on = usePrivacy();
  return useCallback((text, countryCode) => (on ? maskPhone(text, countryCode) : text), [on]);
}
