import type { ReactNode } from 'react';
import { describeError } from '../shared/failure';

/** What support needs to trace a failure: the error code (with HTTP status) and the request id. */
export function ErrorFacts({ error, children }: { error: unknown; children?: ReactNode }) {
  const facts = describeError(error);
  return (
    <dl className="error-facts">
      <div>
        <dt>Code</dt>
        <dd>
          <code>{facts.code}</code>
          {facts.status > 0 ? <span className="muted"> · HTTP {facts.status}</span> : null}
        </dd>
      </div>
      <div>
        <dt>Request ID</dt>
        <dd>
          <code>{facts.requestId ?? '—'}</code>
        </dd>
      </div>
      {children}
    </dl>
  );
}
