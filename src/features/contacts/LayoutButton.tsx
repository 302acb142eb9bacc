import { type ComponentProps, type ComponentType, lazy, Suspense, useRef, useState } from 'react';
import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import type { TableLayout } from './tableLayout';

// Few users open this, so the menu (and its styles) is a lazy chunk, fetched when the pointer or focus
// reaches the button; only the button and the stored layout ship with the list.
const load = () => import('./LayoutMenu');
type MenuProps = ComponentProps<typeof import('./LayoutMenu')['default']>;
// A chunk that fails to load (offline, a newer deploy) leaves the button doing nothing rather than
// throwing into a tree without an error boundary.
const LayoutMenu = lazy<ComponentType<MenuProps>>(() => load().catch(() => ({ default: () => null })));
const preload = () => void load().catch(() => {});

export function LayoutButton({
  layout,
  onChange,
}: {
  layout: TableLayout;
  onChange: (next: TableLayout) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const needsScript = useDisabledUntilHydrated();
  return (
    <div className="layout-anchor">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-disabled={needsScript}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(!open)}
      >
        Layout
      </button>
      {open ? (
        <Suspense fallback={null}>
          <LayoutMenu
            layout={layout}
            onChange={onChange}
            onClose={(refocus) => {
              setOpen(false);
              if (refocus) button.current?.focus();
            }}
            anchor={button}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
