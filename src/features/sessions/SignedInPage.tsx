// /activity/signed-in: who is signed in now (admins of every profile; the gateway decides), and a way to sign a
// person out: every session of theirs ends on every gateway at once, and the trail records it. Server-rendered
// with the list; each row's button is a POST form, so it works before hydration and without JavaScript.
import { Link, useLocation } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { describeError } from '../../queries/errors';
import { type SignedInSession, useSignedInSessions, useSignOutSession } from '../../queries/sessions';
import { SIGNED_OUT_PARAM } from '../../shared/sessions';
import { SessionRow } from './SessionRow';

// Its styles (sessions.css) come with the first load (main.tsx): the screen works without JavaScript too.

const METHOD_NOTES = {
  oidc: 'Everyone signed in through your sign-in provider. Signing a person out ends all of their sessions.',
  'access-secret':
    'Every browser signed in with the access secret. Signing one out ends that browser’s session.',
  none: '',
} as const;

function SessionsTable(props: {
  sessions: SignedInSession[];
  pending: boolean;
  onSignOut: (s: SignedInSession) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table sessions-table">
        <caption className="sr-only">Signed-in sessions, earliest sign-in first</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Role</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            <th scope="col">From</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <SessionRow key={s.id} session={s} pending={props.pending} onSignOut={props.onSignOut} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SignedInPage() {
  useDocumentTitle('Signed in');
  const location = useLocation();
  const query = useSignedInSessions();
  const signOut = useSignOutSession();
  const ended = signOut.data;
  // After a sign-out without JavaScript the gateway sends the browser back here naming the person.
  const endedName = ended?.name ?? new URLSearchParams(location.search).get(SIGNED_OUT_PARAM);

  let body: React.ReactNode = null;
  if (query.data?.method === 'none') {
    body = (
      <EmptyState title="Nobody signs in to this console" icon="∅">
        <p>It has no sign-in (it answers only on this machine), so there are no sessions to end.</p>
      </EmptyState>
    );
  } else if (query.data?.sessions.length === 0) {
    body = <EmptyState title="Nobody is signed in" icon="∅" />;
  } else if (query.data) {
    body = (
      <SessionsTable
        sessions={query.data.sessions}
        pending={signOut.isPending}
        onSignOut={(s) => signOut.mutate(s.id)}
      />
    );
  }
  const failed = signOut.error ? describeError(signOut.error) : null;

  return (
    <main className="page" id="main">
      <div className="page-head">
        <div>
          <h1>Signed in</h1>
          <p className="page-sub">
            {METHOD_NOTES[query.data?.method ?? 'none'] || 'Who is using the console now.'}
          </p>
        </div>
        <Link className="btn" to="/activity">
          Activity
        </Link>
      </div>
      <div aria-live="polite">
        {endedName ? (
          <p className="sessions-status">
            {endedName} was signed out
            {ended ? ` (${ended.ended} session${ended.ended === 1 ? '' : 's'} ended)` : ''}.
          </p>
        ) : null}
        {failed ? (
          <p className="notice" role="alert">
            Could not sign out: {failed.message} ({failed.code}
            {failed.requestId ? `, request ${failed.requestId}` : ''})
          </p>
        ) : null}
      </div>
      <section className="card" aria-label="Signed-in sessions">
        <QueryBoundary
          query={query}
          title="Could not load who is signed in"
          denied="Not available to your role"
          loading={<p className="muted sessions-loading">Loading who is signed in…</p>}
        >
          {body}
        </QueryBoundary>
      </section>
    </main>
  );
}
