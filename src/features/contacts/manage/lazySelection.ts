import { type ComponentType, lazy } from 'react';
import type { SelectableTableProps } from './SelectableTable';

// Row selection (TanStack's selection feature, the checkbox column, bulk removal) is a lazy chunk, loaded
// when someone turns "Select" on; until then the table and its server-rendered markup are untouched.
const load = () => import('./SelectableTable');
export const preloadSelection = () => void load().catch(() => {});

/** The table with a selection column; if its chunk cannot load, the table as it was. */
export const LazySelectableTable = lazy<ComponentType<SelectableTableProps>>(() =>
  load().then(
    (m) => ({ default: m.SelectableTable }),
    () => ({ default: (props: SelectableTableProps) => props.render(props.features) }),
  ),
);
