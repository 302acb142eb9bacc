/**
 * Placeholder rows with the real column widths; shown only on the very first load. Bar lengths vary by
 * CSS (nth-child), not style attributes: the gateway's CSP allows no inline styles in server-rendered HTML.
 */
export function TableSkeleton({ columns, rows = 8 }: { columns: readonly string[]; rows?: number }) {
  return (
    <tbody className="skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows have no identity
        <tr key={row}>
          {columns.map((column) => (
            <td key={column} data-col={column}>
              <span className="bone" />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
