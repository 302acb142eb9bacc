import { type RefObject, useEffect, useRef } from 'react';
import { contactColumnIds } from './columns';
import { DEFAULT_LAYOUT, type Density, type TableLayout } from './tableLayout';
import './layout.css';

const LABELS: Record<string, string> = {
  number: 'Number',
  region: 'Country / region',
  channels: 'Channels',
  default: 'Default channel',
  optout: 'Opt-out',
  inherited: 'Inherited',
  created: 'Created',
};

interface LayoutMenuProps {
  layout: TableLayout;
  onChange: (next: TableLayout) => void;
  /** `refocus`: give focus back to the button (Escape, not a click elsewhere). */
  onClose: (refocus: boolean) => void;
  anchor: RefObject<HTMLButtonElement | null>;
}

/** Show/hide columns and pick the row density; closes on Escape or a click outside. */
export default function LayoutMenu({ layout, onChange, onClose, anchor }: LayoutMenuProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [onClose, anchor]);

  const toggle = (id: string, visible: boolean) =>
    onChange({
      ...layout,
      hidden: visible ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id],
    });
  const setDensity = (density: Density) => onChange({ ...layout, density });
  const isDefault = layout.hidden.length === 0 && layout.density === DEFAULT_LAYOUT.density;

  return (
    <div ref={panel} className="layout-menu" role="dialog" aria-label="Table layout">
      <fieldset>
        <legend>Columns</legend>
        {contactColumnIds.map((id) => (
          <label key={id} className="layout-option">
            <input
              type="checkbox"
              checked={id === 'number' || !layout.hidden.includes(id)}
              disabled={id === 'number'}
              onChange={(event) => toggle(id, event.target.checked)}
            />
            {LABELS[id] ?? id}
            {id === 'number' ? <span className="muted"> (always shown)</span> : null}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Row density</legend>
        {(['comfortable', 'compact'] as const).map((density) => (
          <label key={density} className="layout-option">
            <input
              type="radio"
              name="density"
              value={density}
              checked={layout.density === density}
              onChange={() => setDensity(density)}
            />
            {density === 'compact' ? 'Compact' : 'Comfortable'}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="btn btn-small"
        disabled={isDefault}
        onClick={() => onChange(DEFAULT_LAYOUT)}
      >
        Reset to default
      </button>
    </div>
  );
}
