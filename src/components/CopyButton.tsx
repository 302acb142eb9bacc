import { useEffect, useState } from 'react';

/** Copies a value and confirms it in place (and to screen readers). */
export function CopyButton({
  value,
  label,
  confirmMessage,
}: {
  value: string;
  label: string;
  /** Asked first (e.g. the value is hidden on screen); copying happens only when the user agrees. */
  confirmMessage?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" className="btn btn-small copy-btn" onClick={copy} aria-label={`Copy ${label}`}>
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </span>
    </button>
  );
}
