// Text typed into server-rendered inputs before React took over (a caller's number pasted straight away), and
// a choice made in a select (the lookup's region). Hydration resets a controlled field to its rendered value,
// so main.tsx notes what was changed just before hydrating, and each field adopts it back before first paint.
import { useLayoutEffect } from 'react';

const typed = new Map<string, string>();

const chosenByDefault = (select: HTMLSelectElement) =>
  [...select.options].find((option) => option.defaultSelected)?.value ?? select.options[0]?.value;

export function rememberTypedInputs(root: ParentNode): void {
  for (const input of root.querySelectorAll('input')) {
    if (input.id && input.type !== 'checkbox' && input.value !== input.defaultValue)
      typed.set(input.id, input.value);
  }
  for (const select of root.querySelectorAll('select')) {
    if (select.id && select.value !== chosenByDefault(select)) typed.set(select.id, select.value);
  }
}

/**
 * The `<option>`s the server rendered into select `id`, read before hydration so the first browser render
 * matches them (the lookup's full region list, which the browser's own code only has once a lazy chunk is
 * here); null where there is no such element (on the server, or a screen the browser rendered itself).
 */
export function renderedOptions(id: string): { code: string; label: string }[] | null {
  if (typeof document === 'undefined' || document.documentElement.dataset.ready !== undefined) return null;
  const select = document.getElementById(id);
  if (!(select instanceof HTMLSelectElement)) return null;
  return [...select.options].map((option) => ({ code: option.value, label: option.text }));
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
