import { FlexRender, type HeaderGroup, type RowData, type TableFeatures } from '@tanstack/react-table';

/** A TanStack table's header rows; each cell is marked with its column id (`data-col`) for the CSS. */
export function TableHead<TFeatures extends TableFeatures, TData extends RowData>({
  groups,
}: {
  groups: HeaderGroup<TFeatures, TData>[];
}) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <th key={header.id} scope="col" data-col={header.column.id}>
              <FlexRender header={header} />
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}
