import { useHydrated } from './useHydrated';

/**
 * `aria-disabled` for a control that does nothing until the app's JavaScript has taken over (or ever, with
 * JavaScript off): the server-rendered control says so, and src/styles/before-ready.css dims it if the app
 * is late. Enabled from the first commit after hydration.
 */
export function useDisabledUntilHydrated(): true | undefined {
  return useHydrated() ? undefined : true;
}
