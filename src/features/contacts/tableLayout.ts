// The table's layout (hidden columns, row density), remembered per browser. Stored under a versioned
// key and read defensively: whatever is in storage (old shape, hand-edited, unknown columns) yields a
// valid layout, never an error.
import { useCallback, useEffect, useState } from 'react';
import { baseTableFeatures, type ContactTableFeatures } from './columns';

export type Density = 'comfortable' | 'compact';

export interface TableLayout {
  /** Column ids the user hid; the number column is never among them. */
  hidden: readonly string[];
  density: Density;
}

export const LAYOUT_KEY = 'sent-console:table-layout:v1';
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

function load(hideable: readonly string[]): TableLayout {
  try {
    return parseLayout(localStorage.getItem(LAYOUT_KEY), hideable);
  } catch {
    return DEFAULT_LAYOUT; // Storage blocked: defaults, still changeable for this page.
  }
}

export function useTableLayout(hideable: readonly string[]): [TableLayout, (next: TableLayout) => void] {
  const [layout, setLayout] = useState(() => load(hideable));
  const save = useCallback((next: TableLayout) => {
    setLayout(next);
    try {
      if (next.hidden.length === 0 && next.density === DEFAULT_LAYOUT.density)
        localStorage.removeItem(LAYOUT_KEY);
      else localStorage.setItem(LAYOUT_KEY, JSON.stringify(next));
    } catch {
      // Not remembered, but applied.
    }
  }, []);
  return [layout, save];
}

let withVisibility: ContactTableFeatures | undefined;
const loadVisibility = () =>
  import('./visibilityFeature').then((m) => {
    withVisibility ??= { ...baseTableFeatures, columnVisibilityFeature: m.columnVisibilityFeature };
    return withVisibility;
  });
// Hidden columns from an earlier visit: fetch the feature right away, alongside the first rows.
try {
  if (typeof localStorage !== 'undefined' && /"hidden":\["/.test(localStorage.getItem(LAYOUT_KEY) ?? '')) {
    void loadVisibility().catch(() => {});
  }
} catch {
  // Storage blocked: nothing was stored either.
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
