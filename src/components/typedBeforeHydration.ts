// Text typed into server-rendered inputs before React took over (a caller's number pasted straight away).
// Hydration resets a controlled input to its rendered value, so main.tsx notes what was typed just before
// hydrating, and each input adopts its text back before the first paint.
import { useLayoutEffect } from 'react';

const typed = new Map<string, string>();

export function rememberTypedInputs(root: ParentNode): void {
  for (const input of root.querySelectorAll('input')) {
    if (input.id && input.value !== input.defaultValue) typed.set(input.id, input.value);
  }
}

/** Hands the text typed into input `id` before hydration (if any) to `adopt`, once. */
export function useTypedBeforeHydration(id: string, adopt: (value: string) => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per input, whatever `adopt` is by then
  useLayoutEffect(() => {
    const value = typed.get(id);
    if (value === undefined) return;
    typed.delete(id);
    adopt(value);
  }, [id]);
}
