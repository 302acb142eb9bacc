// The one way a screen goes from a query to what it shows: the failure (code, message, request id, Retry)
// when there is nothing to show, a "not for your role" note of the screen's own for 401/403, a loading line
// while the first answer is on its way (when the screen has no skeleton of its own), else the content. A
// failed background refresh keeps the data on screen.
import type { ReactNode } from 'react';
import { describeError, isDenied } from '../shared/failure';
import { EmptyState } from './EmptyState';
import { ErrorPanel } from './ErrorPanel';

export interface QueryOutcome {
  data?: unknown;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export function QueryBoundary(props: {
  query: QueryOutcome;
  /** The failure's heading, e.g. "Could not load activity". */
  title: string;
  /** For 401/403: the heading of a note that says why (the error's message), instead of an error panel. */
  denied?: string;
  loading?: ReactNode;
  children: ReactNode;
}) {
  const { query } = props;
  if (query.error && query.data === undefined) {
    if (props.denied && isDenied(query.error)) {
      return (
        <EmptyState title={props.denied} icon="!">
          <p>{describeError(query.error).message}</p>
        </EmptyState>
      );
    }
    return (
      <ErrorPanel
        title={props.title}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (query.data === undefined && props.loading !== undefined) return props.loading;
  return props.children;
}
