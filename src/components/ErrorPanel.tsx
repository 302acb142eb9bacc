import { ErrorFacts, type ErrorFactsData } from './ErrorFacts';

export interface ErrorPanelProps {
  title: string;
  message: string;
  /** Code, status and request id; null when the failure did not come from the API. */
  facts: (ErrorFactsData & { retryAfter?: number | null }) | null;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failure with what support needs (code, message, request id) and a way to try again. */
export function ErrorPanel({ title, message, facts, onRetry, retrying = false }: ErrorPanelProps) {
  return (
    <section className="error-panel" role="alert">
      <h2>{title}</h2>
      <p className="error-message">{message}</p>
      <ErrorFacts facts={facts}>
        {facts?.retryAfter ? (
          <div>
            <dt>Retry after</dt>
            <dd>{facts.retryAfter} s</dd>
          </div>
        ) : null}
      </ErrorFacts>
      <button type="button" className="btn btn-primary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </section>
  );
}
