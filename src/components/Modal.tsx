import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ModalProps {
  title: string;
  /** While true, Esc and the × do nothing (work is under way that must not be abandoned half-way). */
  busy?: boolean;
  className?: string;
  /** The id of what sums the dialog up (read out with the title). */
  describedBy?: string;
  /** A click on the backdrop dismisses it too (like Esc; never while busy). */
  closeOnBackdrop?: boolean;
  onClose: () => void;
  /**
   * Gets `close`, which leaves the top layer before calling onClose (so focus can go back to the page); unlike
   * Esc and the ×, it closes even while busy (e.g. once the work has just finished).
   */
  children: (close: () => void) => ReactNode;
}

/**
 * A native modal <dialog> (focus stays inside, Esc closes) with a title and a close button; the frame is
 * the shared `.modal` (styles/controls.css). Opened on mount, closed by unmounting or `close`.
 */
export function Modal({
  title,
  busy = false,
  className = '',
  describedBy,
  closeOnBackdrop = false,
  onClose,
  children,
}: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const close = () => {
    // While the modal is open the page is inert and cannot take focus back.
    dialog.current?.close();
    onClose();
  };
  const dismiss = () => {
    if (!busy) close();
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc is handled by the dialog's cancel event
    <dialog
      ref={dialog}
      className={`modal dialog ${className}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        dismiss();
      }}
      onClick={(event) => {
        // The backdrop is the dialog element itself; its content never is.
        if (closeOnBackdrop && event.target === dialog.current) dismiss();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {busy ? null : (
          <button type="button" className="icon-btn dialog-x" aria-label="Close" onClick={dismiss}>
            ×
          </button>
        )}
      </div>
      {children(close)}
    </dialog>
  );
}
