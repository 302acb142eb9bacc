// The steps every screen of this feature takes from a query result to what it shows: a rejected key is a
// screen of its own (authProblemOf), then the profile check's failure, the query's failure, the content.
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { type ApiError, authErrorOf, describeError } from '../../queries/errors';
import type { ProfileSelection } from '../../queries/profileSelection';

/** An ErrorPanel for any failure, with the API's code and request id when it has them. */
export function FailurePanel(props: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const description = describeError(props.error);
  return (
    <ErrorPanel
      title={props.title}
      message={description.message}
      facts={description}
      onRetry={props.onRetry}
      retrying={props.retrying}
    />
  );
}

export interface QueryOutcome {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** The 401/403 a screen shows instead of itself: its own query's, else the one /v3/me got. */
export function authProblemOf(query: QueryOutcome, selection: ProfileSelection): ApiError | null {
  return authErrorOf(query.error) ?? selection.authError;
}

/**
 * A screen's body for its query: the profile check's failure first (the query waits for that check),
 * then the query's own failure with Retry, else `children`.
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
      <FailurePanel
        title="Could not check the profile"
        error={selection.checkError}
        onRetry={selection.retryCheck}
      />
    );
  }
  if (query.isError) {
    return (
      <FailurePanel
        title={errorTitle}
        error={query.error}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return children;
}
