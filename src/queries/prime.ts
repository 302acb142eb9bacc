import type { QueryClient } from '@tanstack/react-query';
import { parseListParams } from '../url-state/listParams';
import { listOptions } from './contacts';

/**
 * Starts the first page's query before React's first render (it adopts public/early-fetch.js's head
 * start), so when the answer is already in, the very first commit shows rows instead of a skeleton.
 * Only the unscoped list view qualifies: a profile has to be checked against the account first.
 */
export function primeFirstPage(
  queryClient: QueryClient,
  location: { pathname: string; search: string },
): void {
  if (location.pathname !== '/') return;
  const params = parseListParams(location.search);
  if (params.profile || params.phone) return;
  void queryClient.prefetchQuery(
    listOptions(null, {
      page: params.page,
      pageSize: params.page_size,
      search: params.search,
      channel: params.channel,
    }),
  );
}
