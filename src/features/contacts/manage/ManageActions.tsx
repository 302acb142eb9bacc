import { Suspense, useRef, useState } from 'react';
import { lazyOrNothing } from '../../../components/lazyOrNothing';
import type { ProfileId } from '../../../queries/keys';
import { preloadSelection } from './lazySelection';
import type { ManageDialogKind } from './ManageDialog';
import type { ContactNotice } from './notice';

// Only these buttons ship with the list: the dialogs (and the phone library they use) are a lazy chunk,
// fetched when the pointer or focus reaches a button. A chunk that fails to load leaves them doing nothing.
const load = () => import('./ManageDialog');
const Dialog = lazyOrNothing(() => load().then((m) => m.ManageDialog));
const preload = () => void load().catch(() => {});

interface ManageActionsProps {
  profileId: ProfileId;
  /** Row selection (its own lazy chunk, see SelectableTable); absent where there is no table (a lookup). */
  selecting?: { on: boolean; toggle: () => void };
  onOpen: (id: string, notice: ContactNotice) => void;
  /** aria-disabled until the app has taken over (components/useDisabledUntilHydrated). */
  needsScript: true | undefined;
}

/** The list toolbar's add and remove actions, for people who may manage contacts. */
export function ManageActions({ profileId, selecting, onOpen, needsScript }: ManageActionsProps) {
  const [open, setOpen] = useState<ManageDialogKind | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const button = (kind: ManageDialogKind, label: string) => (
    <button
      type="button"
      className="btn"
      aria-haspopup="dialog"
      aria-disabled={needsScript}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={(event) => {
        opener.current = event.currentTarget;
        setOpen(kind);
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      {button('add', 'Add contact')}
      {button('remove-number', 'Remove by number')}
      {selecting ? (
        <button
          type="button"
          className="btn"
          aria-pressed={selecting.on}
          aria-disabled={needsScript}
          onPointerEnter={preloadSelection}
          onFocus={preloadSelection}
          onClick={selecting.toggle}
        >
          Select
        </button>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <Dialog
            kind={open}
            profileId={profileId}
            onOpen={onOpen}
            onClose={() => {
              setOpen(null);
              opener.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
