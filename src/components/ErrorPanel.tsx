import { ApiError } from '../api/client';
import { ErrorFacts } from './ErrorFacts';
import { RetryButton } from './RetryButton';

interface ErrorPanelProps {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
  title?: string;
}

/** Every API failure shows what support needs: code, message and request id, plus a way to try again. */
export function ErrorPanel({
  error,
  onRetry,
  retrying = false,
  title = 'Could not load contacts',
}: ErrorPanelProps) {
  const api = error instanceof ApiError ? error : null;
  const message = api?.message ?? (error instanceof Error ? error.message : 'Something went wrong.');
  return (
    <section className="error-panel" role="alert">
      <h2>{title}</h2>
      <p className="error-message">{message}</p>
      <ErrorFacts error={api}>
        {api?.retryAfter ? (
          <div>
            <dt>Retry after</dt>
            <dd>{api.retryAfter} s</dd>
          </div>
        ) : null}
      </ErrorFacts>
      <RetryButton onRetry={onRetry} retrying={retrying} />
    </section>
  );
}
