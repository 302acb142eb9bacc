import type { ApiError } from '../api/client';

/** What support needs to trace a failure: the error code (with HTTP status) and the request id. */
export function ErrorFacts({ error, children }: { error: ApiError | null; children?: React.ReactNode }) {
  return (
    <dl className="error-facts">
      <div>
        <dt>Code</dt>
        <dd>
          <code>{error?.code ?? 'UNKNOWN'}</code>
          {error && error.status > 0 ? <span className="muted"> · HTTP {error.status}</span> : null}
        </dd>
      </div>
      <div>
        <dt>Request ID</dt>
        <dd>
          <code>{error?.requestId ?? '—'}</code>
        </dd>
      </div>
      {children}
    </dl>
  );
}
