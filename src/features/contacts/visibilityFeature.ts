// TanStack Table's column visibility feature, as its own chunk: it is registered with the table only
// while a column is hidden (most people never hide one), so it does not weigh on the first rows.
export { columnVisibilityFeature } from '@tanstack/react-table';
