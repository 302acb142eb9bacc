import { type ComponentProps, lazy, Suspense, useRef, useState } from 'react';
import type { ProfileSelection } from '../../queries/profileSelection';
import type { ListParams } from '../../url-state/listParams';

// Only this button ships with the list; the dialog, the exporter, the CSV writer and their styles are one
// lazy chunk, fetched when the pointer or focus reaches the button (so it is there by the click).
const load = () => import('./ExportDialog');
// The app has no error boundary, so a chunk that fails to load (offline, a deploy replaced it) must not
// throw into React: it becomes a small notice instead of taking the whole page down.
const ExportDialog = lazy(() =>
  load().catch(() => ({
    default: ({ onClose }: { onClose: () => void }) => (
      <p className="notice" role="alert">
        The export could not be loaded. Check your connection and reload the page.{' '}
        <button type="button" className="btn btn-small" onClick={onClose}>
          Dismiss
        </button>
      </p>
    ),
  })),
);
const preload = () => void load().catch(() => {});

interface ExportButtonProps {
  selection: ProfileSelection;
  params: ListParams;
  /** Matches for the current filter; undefined while it is loading (the button waits). */
  total: number | undefined;
  /** aria-disabled until the app has taken over (see components/useDisabledUntilHydrated). */
  needsScript: true | undefined;
}

type Snapshot = Omit<ComponentProps<typeof ExportDialog>, 'onClose'>;

export function ExportButton({ selection, params, total, needsScript }: ExportButtonProps) {
  // What to export is fixed at the click: a background refetch or a URL change cannot alter a running export.
  const [open, setOpen] = useState<Snapshot | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  if (params.phone) return null;
  const account = selection.profileId
    ? selection.profiles.find((profile) => profile.id === selection.profileId)?.name
    : selection.account?.name;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn-export"
        disabled={!total}
        aria-disabled={needsScript}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() =>
          total &&
          setOpen({
            filter: { profileId: selection.profileId, search: params.search, channel: params.channel },
            account: account ?? null,
            total,
          })
        }
        aria-haspopup="dialog"
      >
        Export CSV
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ExportDialog
            {...open}
            onClose={() => {
              setOpen(null);
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
