import { ErrorFacts } from '../../components/ErrorFacts';
import { RetryButton } from '../../components/RetryButton';
import type { ApiError } from '../../queries/errors';

/** 401/403 are a key problem, not a page problem: say what is wrong and who can fix it. */
export function AuthProblem({ error }: { error: ApiError }) {
  const forbidden = error.status === 403;
  return (
    <main className="page auth-problem" id="main">
      <section className="auth-card" role="alert">
        <svg className="auth-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2a5 5 0 0 1 5 5v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1V7a5 5 0 0 1 5-5Zm0 2a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3Zm0 9a2 2 0 0 0-1 3.7V19h2v-2.3A2 2 0 0 0 12 13Z" />
        </svg>
        <h1>{forbidden ? 'This key is not allowed here' : 'The API key was rejected'}</h1>
        <p>
          {forbidden
            ? 'The server accepted the API key but it may not read these contacts. A profile key can only see its own profile; switch back to the organization or use an organization key.'
            : 'The console could not sign in to the Sent API. The key configured on the server is missing, mistyped, revoked or expired.'}
        </p>
        <p className="muted">
          The key lives on the server (the gateway or dev proxy adds it), never in the browser. Set a valid
          key there and reload this page.
        </p>
        <ErrorFacts error={error} />
        <RetryButton label="Reload" onRetry={() => window.location.reload()} />
      </section>
    </main>
  );
}
