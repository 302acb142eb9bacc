import { ErrorFacts, type ErrorFactsData } from './ErrorFacts';
import { RetryButton } from './RetryButton';

export interface ErrorPanelProps {
  title: string;
  /** What went wrong; the facts' own message when not given (a described error carries one). */
  message?: string;
  /** Code, status and request id; null when the failure did not come from the API. */
  facts: (ErrorFactsData & { retryAfter?: number | null; message?: string }) | null;
  onRetry: () => void;
  retrying?: boolean;
}

/**
 * A failure with what support needs (code, message, request id) and a way to try again (a GET form to this
 * address, so it also works when the server rendered the failure and the app's JavaScript has not run).
 */
export function ErrorPanel({ title, message, facts, onRetry, retrying = false }: ErrorPanelProps) {
  return (
    <section className="error-panel" role="alert">
      <h2>{title}</h2>
      <p className="error-message">{message ?? facts?.message}</p>
      <ErrorFacts facts={facts}>
        {facts?.retryAfter ? (
          <div>
            <dt>Retry after</dt>
            <dd>{facts.retryAfter} s</dd>
          </div>
        ) : null}
      </ErrorFacts>
      <RetryButton onRetry={onRetry} retrying={retrying} />
    </section>
  );
}
