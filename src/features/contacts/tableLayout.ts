// The table's layout (hidden columns, row density), remembered per browser. Stored under a versioned
// key and read defensively: whatever is in storage (old shape, hand-edited, unknown columns) yields a
// valid layout, never an error.
import { useCallback, useEffect, useState } from 'react';
import { savePref, usePrefs } from '../../prefs/prefs';
import { baseTableFeatures, type ContactTableFeatures } from './columns';

export type Density = 'comfortable' | 'compact';

export interface TableLayout {
  /** Column ids the user hid; the number column is never among them. */
  hidden: readonly string[];
  density: Density;
}

export const DEFAULT_LAYOUT: TableLayout = { hidden: [], density: 'comfortable' };

/** Pure: a stored value (any string, or null) as a valid layout for these hideable columns. */
export function parseLayout(raw: string | null, hideable: readonly string[]): TableLayout {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? 'null');
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (!value || typeof value !== 'object') return DEFAULT_LAYOUT;
  const { hidden, density } = value as { hidden?: unknown; density?: unknown };
  return {
    hidden: Array.isArray(hidden) ? hideable.filter((id) => hidden.includes(id)) : [],
    density: density === 'compact' ? 'compact' : 'comfortable',
  };
}

/** TanStack Table's columnVisibility state for a layout. */
export function visibilityOf(layout: TableLayout): Record<string, boolean> {
  return Object.fromEntries(layout.hidden.map((id) => [id, false]));
}

export function useTableLayout(hideable: readonly string[]): [TableLayout, (next: TableLayout) => void] {
  const stored = usePrefs().layout;
  const [layout, setLayout] = useState(() => parseLayout(stored, hideable));
  const save = useCallback((next: TableLayout) => {
    setLayout(next);
    const isDefault = next.hidden.length === 0 && next.density === DEFAULT_LAYOUT.density;
    savePref('layout', isDefault ? null : JSON.stringify(next));
  }, []);
  return [layout, save];
}

let withVisibility: ContactTableFeatures | undefined;
const loadVisibility = () =>
  import('./visibilityFeature').then((m) => {
    withVisibility ??= { ...baseTableFeatures, columnVisibilityFeature: m.columnVisibilityFeature };
    return withVisibility;
  });
/**
 * Hidden columns from an earlier visit: load the feature before the first render (main.tsx and the
 * server renderer await this), so the table renders in its final shape and hydration matches.
 */
export async function prepareTableLayout(storedLayout: string | null): Promise<void> {
  if (/"hidden":\["/.test(storedLayout ?? '')) await loadVisibility().catch(() => {});
}

/**
 * The table's features for a layout: pagination alone while nothing is hidden, plus TanStack's column
 * visibility feature once a column is (undefined while that chunk is still on its way).
 */
export function useVisibilityFeature(layout: TableLayout): ContactTableFeatures | undefined {
  const needed = layout.hidden.length > 0;
  const [loaded, setLoaded] = useState(withVisibility);
  useEffect(() => {
    if (needed && !loaded) void loadVisibility().then(setLoaded, () => {});
  }, [needed, loaded]);
  if (!needed) return baseTableFeatures;
  return loaded;
}
