import { Suspense, useRef, useState } from 'react';
import { lazyOrNothing } from '../../../components/lazyOrNothing';
import { useDisabledUntilHydrated } from '../../../components/useDisabledUntilHydrated';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { INHERITED_REASON, scopeName } from './parts';

// The confirmation is its own chunk, fetched when the pointer or focus reaches the button.
const load = () => import('./RemoveContactDialog');
const RemoveContactDialog = lazyOrNothing(() => load().then((m) => m.RemoveContactDialog));
const preload = () => void load().catch(() => {});

/**
 * The detail screen's "Remove from account" (people who may manage contacts): what it does, and the button
 * that opens the confirmation; for an inherited contact the button is disabled and the reason shown.
 */
export function RemoveSection(props: { contact: Contact; profileId: ProfileId; onRemoved: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const needsScript = useDisabledUntilHydrated();
  const inherited = Boolean(props.contact.is_inherited);
  return (
    // Fixed ids (one such section per page): useId's differ between a server render and a browser-only one.
    <section className="card detail-remove" aria-labelledby="remove-title">
      <div>
        <h2 id="remove-title">Remove from account</h2>
        <p id="remove-note" className="muted">
          {inherited
            ? INHERITED_REASON
            : `Takes this contact out of ${scopeName(props.profileId)}, for good: there is no undo.`}
        </p>
      </div>
      <button
        ref={button}
        type="button"
        className="btn btn-danger"
        disabled={inherited}
        aria-disabled={needsScript}
        aria-describedby="remove-note"
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
      >
        Remove from account…
      </button>
      {open ? (
        <Suspense fallback={null}>
          <RemoveContactDialog
            contact={props.contact}
            profileId={props.profileId}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
            onRemoved={props.onRemoved}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
