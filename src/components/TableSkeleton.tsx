/** Placeholder rows with the real column widths; shown only on the very first load. */
export function TableSkeleton({ columns, rows = 8 }: { columns: readonly string[]; rows?: number }) {
  return (
    <tbody className="skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows have no identity
        <tr key={row}>
          {columns.map((column, index) => (
            <td key={column} data-col={column}>
              <span className="bone" style={{ width: `${50 + ((row * 7 + index * 13) % 45)}%` }} />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
