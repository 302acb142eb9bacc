// Pure key handling for the console's shortcuts: which events may trigger one, and multi-key sequences
// such as "g p" (the second key must follow within a short window).

/** Typing into a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as Element | null;
  if (!element || typeof element.closest !== 'function') return false;
  return Boolean(
    element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'),
  );
}

/** Ctrl/Cmd/Alt combinations belong to the browser and the OS (Shift is allowed: "?" needs it). */
export function hasModifier(event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

/**
 * A matcher for bindings like `{ j: 'next', 'g p': 'page' }`. Feed it each key; it returns the action a
 * completed binding names, or null. A key that starts a sequence waits up to `windowMs` for the next one.
 */
export function createKeySequence<A extends string>(bindings: Record<string, A>, windowMs = 1000) {
  let pending: { keys: string; at: number } | null = null;
  const prefixes = new Set(
    Object.keys(bindings).flatMap((combo) => {
      const parts = combo.split(' ');
      return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(' '));
    }),
  );
  return (key: string, now: number): A | null => {
    const sequence = pending && now - pending.at <= windowMs ? `${pending.keys} ${key}` : null;
    pending = null;
    for (const candidate of sequence ? [sequence, key] : [key]) {
      const action = bindings[candidate];
      if (action) return action;
      if (prefixes.has(candidate)) {
        pending = { keys: candidate, at: now };
        return null;
      }
    }
    return null;
  };
}
