import { type ReactNode, useEffect, useState } from 'react';
import './toast.css';

export interface ToastProps {
  children: ReactNode;
  tone?: 'info' | 'error';
  /** One action such as Undo; the toast closes when it is used. */
  action?: { label: string; onClick: () => void };
  /** Closes by itself after this long (paused while hovered or focused); omit to stay until dismissed. */
  timeoutMs?: number;
  onClose: () => void;
}

/** A small message at the bottom of the screen. Errors are announced at once, the rest politely. */
export function Toast({ children, tone = 'info', action, timeoutMs, onClose }: ToastProps) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!timeoutMs || paused) return;
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs, paused, onClose]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover/focus only pause the timer (WCAG 2.2.1), no action
    <div
      className={`toast toast-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast-body">{children}</div>
      {action ? (
        <button
          type="button"
          className="btn btn-small toast-action"
          onClick={() => {
            action.onClick();
            onClose();
          }}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
