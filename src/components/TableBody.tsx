import { flexRender, type Row, type RowData, type TableFeatures } from '@tanstack/react-table';

/**
 * A TanStack table's rows; each cell is marked with its column id (`data-col`) for the CSS, like TableHead's,
 * and each row with the data attributes `mark` gives it (what tests and styles find it by).
 */
export function TableBody<TFeatures extends TableFeatures, TData extends RowData>({
  rows,
  mark,
}: {
  rows: Row<TFeatures, TData>[];
  mark: (row: Row<TFeatures, TData>) => Record<`data-${string}`, string | number>;
}) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} {...mark(row)}>
          {row.getAllCells().map((cell) => (
            <td key={cell.id} data-col={cell.column.id}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
