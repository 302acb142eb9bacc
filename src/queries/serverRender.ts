// Server rendering asks the screens which queries they need: a render on the server records every enabled
// query here (useQuery itself never fetches on the server), the server fetches the ones without data and
// renders again, until nothing new is asked for. In the browser there is no collector and this is a no-op.
import type { QueryKey } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

export interface WantedQuery {
  queryKey: QueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<unknown>;
}

export const WantedQueries = createContext<((query: WantedQuery) => void) | null>(null);

/** Call next to useQuery with the same options: on the server, marks the query as needed for this page. */
export function useWantedOnServer(query: WantedQuery & { enabled?: boolean }): void {
  const want = useContext(WantedQueries);
  if (want && query.enabled !== false) want(query);
}

/** useWantedOnServer for a list of queries whose length may change between renders (one lookup per profile). */
export function useAllWantedOnServer(queries: readonly (WantedQuery & { enabled?: boolean })[]): void {
  const want = useContext(WantedQueries);
  if (want) for (const query of queries) if (query.enabled !== false) want(query);
}
