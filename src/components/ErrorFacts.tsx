import type { ReactNode } from 'react';

/** What support needs to trace a failure; any error description with these fields fits. */
export interface ErrorFactsData {
  code: string;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  requestId: string | null;
}

/** The error code (with HTTP status) and the request id. */
export function ErrorFacts({ facts, children }: { facts: ErrorFactsData | null; children?: ReactNode }) {
  return (
    <dl className="error-facts">
      <div>
        <dt>Code</dt>
        <dd>
          <code>{facts?.code ?? 'UNKNOWN'}</code>
          {facts && facts.status > 0 ? <span className="muted"> · HTTP {facts.status}</span> : null}
        </dd>
      </div>
      <div>
        <dt>Request ID</dt>
        <dd>
          <code>{facts?.requestId ?? '—'}</code>
        </dd>
      </div>
      {children}
    </dl>
  );
}
