// One signed-in session: who, since when, last seen, from where, and a sign-out button. The button is in a
// plain POST form (the gateway answers it with a redirect back here), so it works before hydration and
// without JavaScript; once React has the page it sends the same request itself and stays on the screen.
import { Badge } from '../../components/Badge';
import { useHydrated } from '../../components/useHydrated';
import type { SignedInSession } from '../../queries/sessions';
import { SESSIONS_SIGN_OUT_PATH } from '../../shared/sessions';

/** UTC until hydrated (the server's render must match), then the browser's own time zone. */
function When({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  // dateStyle cannot be combined with timeZoneName: the zone is said in words.
  const format = new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(hydrated ? {} : { timeZone: 'UTC' }),
  });
  return (
    <time dateTime={iso}>
      {format.format(new Date(iso))}
      {hydrated ? '' : ' UTC'}
    </time>
  );
}

/** "Firefox 128 on Linux"-level detail is not needed: the first product token is enough to tell browsers apart. */
function browserOf(userAgent: string | null): string {
  if (!userAgent) return '';
  const known = /(Edg|Firefox|Chrome|Safari|curl|node)[/ ]?[\d.]*/.exec(userAgent)?.[0];
  return known ?? userAgent.slice(0, 40);
}

export function SessionRow(props: {
  session: SignedInSession;
  pending: boolean;
  onSignOut: (session: SignedInSession) => void;
}) {
  const s = props.session;
  return (
    <tr>
      <th scope="row">
        <span className="session-name">{s.name}</span>
        {s.current ? <Badge tone="info">this browser</Badge> : null}
        {s.email ? <span className="session-email">{s.email}</span> : null}
      </th>
      <td data-label="Role">{s.role ?? '—'}</td>
      <td data-label="Signed in">
        <When iso={s.started_at} />
      </td>
      <td data-label="Last active">
        <When iso={s.seen_at} />
      </td>
      <td data-label="From">
        <span className="session-from">{s.address}</span>
        <span className="session-agent">{browserOf(s.user_agent)}</span>
      </td>
      <td className="session-action">
        <form
          method="post"
          action={SESSIONS_SIGN_OUT_PATH}
          onSubmit={(event) => {
            event.preventDefault();
            props.onSignOut(s);
          }}
        >
          <input type="hidden" name="id" value={s.id} />
          <button type="submit" className="btn btn-small btn-danger" disabled={props.pending}>
            Sign out<span className="sr-only"> {s.name}</span>
          </button>
        </form>
      </td>
    </tr>
  );
}
