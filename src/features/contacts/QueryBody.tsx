// The steps every screen of this feature takes from a query result to what it shows: a rejected key is a
// screen of its own (authProblemOf), then the profile check's failure, then the query's (QueryBoundary).
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { QueryBoundary, type QueryOutcome } from '../../components/QueryBoundary';
import { type ApiError, authErrorOf } from '../../queries/errors';
import type { ProfileSelection } from '../../queries/profileSelection';

/** The 401/403 a screen shows instead of itself: its own query's, else the one /v3/me got. */
export function authProblemOf(query: QueryOutcome, selection: ProfileSelection): ApiError | null {
  return authErrorOf(query.error) ?? selection.authError;
}

/**
 * A screen's body for its query: the profile check's failure first (the query waits for that check), then
 * the query's own (components/QueryBoundary), else `children`.
 */
export function QueryBody({
  selection,
  query,
  errorTitle,
  children,
}: {
  selection: ProfileSelection;
  query: QueryOutcome;
  errorTitle: string;
  children: ReactNode;
}) {
  if (selection.checkError) {
    return (
      <ErrorPanel
        title="Could not check the profile"
        error={selection.checkError}
        onRetry={selection.retryCheck}
      />
    );
  }
  return (
    <QueryBoundary query={query} title={errorTitle}>
      {children}
    </QueryBoundary>
  );
}
