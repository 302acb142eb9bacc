import { usePerson } from '../../queries/person';
import { STAFF_SIGN_OUT_PATH } from '../../shared/person';

/**
 * Who is signed in, with their role, and a sign-out button: a plain POST form, so it works before the page
 * has hydrated (the gateway checks the request comes from this origin). Nothing without staff sign-in.
 */
export function SignedInAs() {
  const person = usePerson().data;
  if (!person) return null;
  return (
    <form className="signed-in" method="post" action={STAFF_SIGN_OUT_PATH}>
      <span className="signed-in-name" title={person.email ?? undefined}>
        {person.name}
      </span>
      <span className="signed-in-role">{person.role}</span>
      <button type="submit" className="btn btn-small">
        Sign out
      </button>
    </form>
  );
}
