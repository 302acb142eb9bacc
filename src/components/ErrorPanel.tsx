import { ApiError } from '../api/client';

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
      <dl className="error-facts">
        <div>
          <dt>Code</dt>
          <dd>
            <code>{api?.code ?? 'UNKNOWN'}</code>
            {api && api.status > 0 ? <span className="muted"> · HTTP {api.status}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Request ID</dt>
          <dd>
            <code>{api?.requestId ?? '—'}</code>
          </dd>
        </div>
        {api?.retryAfter ? (
          <div>
            <dt>Retry after</dt>
            <dd>{api.retryAfter} s</dd>
          </div>
        ) : null}
      </dl>
      <button type="button" className="btn btn-primary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </section>
  );
}
