import { describeError } from '../shared/failure';
import { ErrorFacts } from './ErrorFacts';
import { RetryButton } from './RetryButton';

export interface ErrorPanelProps {
  title: string;
  /** Whatever failed: its code, message, request id and Retry-After are shown (shared/failure). */
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/**
 * A failure with what support needs (code, message, request id) and a way to try again (a GET form to this
 * address, so it also works when the server rendered the failure and the app's JavaScript has not run).
 */
export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  const { message, retryAfter } = describeError(error);
  return (
    <section className="error-panel" role="alert">
      <h2>{title}</h2>
      <p className="error-message">{message}</p>
      <ErrorFacts error={error}>
        {retryAfter ? (
          <div>
            <dt>Retry after</dt>
            <dd>{retryAfter} s</dd>
          </div>
        ) : null}
      </ErrorFacts>
      <RetryButton onRetry={onRetry} retrying={retrying} />
    </section>
  );
}
