// Who is signed in, for admins: GET /__sessions lists the live sessions; POST /__sessions/sign-out (field `id`,
// a form or JSON) ends every session of that person (OIDC) or that one access-secret session, on every
// replica at once, and records it (`session.revoke`). A form gets a redirect back to the console's screen, so
// the screen's button works before hydration and without JavaScript. Only admins of every profile may: who is
// signed in is organization-wide. With the access secret, whoever holds it is the console's admin.
import { type Context, Hono } from 'hono';
import {
  SESSIONS_PATH,
  SESSIONS_SIGN_OUT_PATH,
  type SessionsList,
  SIGNED_IN_PAGE,
  SIGNED_OUT_PARAM,
  type SignedInSession,
  type SignInMethod,
  type SignOutResult,
} from '../../../src/shared/sessions.ts';
import { successEnvelope } from '../../envelope.ts';
import type { GatewayEnv } from '../env.ts';
import { errorResponse, GatewayErrors, refuse } from '../errors.ts';
import type { Person } from '../identity/person.ts';
import { limitBody } from '../middleware/body-limit.ts';
import type { Sessions } from './sessions.ts';
import type { SessionRecord } from './store.ts';

export interface SessionRouteOptions {
  method: SignInMethod;
  /** null without sign-in: nothing to list. */
  sessions: Sessions | null;
}

const SECRET_HOLDER = 'Access-secret holder';
const noStore = { 'cache-control': 'no-store' };

/** Who asks: the person (OIDC), their session, and the request id for the answer. */
interface Asker {
  person: Person | undefined;
  session: string | undefined;
  requestId: string;
}

const askerOf = (c: Context<GatewayEnv>): Asker => ({
  person: c.get('person'),
  session: c.get('session'),
  requestId: c.get('requestId'),
});

const mayManage = ({ person }: Asker) => !person || (person.role === 'admin' && person.profiles === '*');
const FORBIDDEN = 'Only admins of every profile see who is signed in.';

function view(asker: Asker, id: string, r: SessionRecord): SignedInSession {
  return {
    id,
    name: r.person?.name ?? SECRET_HOLDER,
    email: r.person?.email ?? null,
    role: r.person?.role ?? null,
    started_at: new Date(r.started).toISOString(),
    seen_at: new Date(r.seen).toISOString(),
    address: r.address,
    user_agent: r.userAgent,
    current: asker.session === id,
  };
}

async function requestedId(c: Context<GatewayEnv>): Promise<{ id: unknown; form: boolean }> {
  const form = !(c.req.header('content-type') ?? '').includes('application/json');
  const body = form
    ? Object.fromEntries((await c.req.formData().catch(() => new FormData())).entries())
    : await c.req.json<Record<string, unknown>>().catch(() => ({}) as Record<string, unknown>);
  return { id: body.id, form };
}

export function sessionRoutes({ method, sessions }: SessionRouteOptions) {
  const routes = new Hono<GatewayEnv>();

  /** GET /__sessions's answer, for a request or for server rendering's own call in a page's name. */
  async function list(asker: Asker): Promise<Response> {
    if (!mayManage(asker)) {
      return errorResponse(GatewayErrors.ROLE_FORBIDDEN, FORBIDDEN, asker.requestId, SESSIONS_PATH);
    }
    const live = sessions ? await sessions.list() : [];
    const data: SessionsList = { method, sessions: live.map(({ id, record }) => view(asker, id, record)) };
    return Response.json(successEnvelope(data, asker.requestId), { headers: noStore });
  }

  routes.get(SESSIONS_PATH, async (c) => {
    const res = await list(askerOf(c));
    if (res.status === 403) c.set('error', GatewayErrors.ROLE_FORBIDDEN.code);
    return res;
  });

  routes.post(SESSIONS_SIGN_OUT_PATH, limitBody, async (c) => {
    if (!mayManage(askerOf(c))) return refuse(c, GatewayErrors.ROLE_FORBIDDEN, FORBIDDEN);
    const { id, form } = await requestedId(c);
    const live = sessions ? await sessions.list() : [];
    const target = live.find((s) => s.id === id);
    if (!sessions || !target) {
      return refuse(c, GatewayErrors.NOT_FOUND, 'No such session: it may have ended already.');
    }
    const person = target.record.person;
    // A person is signed out everywhere; an access-secret session is its own "person".
    const ids = person
      ? live.filter((s) => s.record.person?.sub === person.sub).map((s) => s.id)
      : [target.id];
    const result: SignOutResult = { name: person?.name ?? SECRET_HOLDER, ended: ids.length };
    // Recorded first: a sign-out the trail cannot hold is not done (as every recorded act).
    try {
      await c.get('audit')?.record(c, {
        action: 'session.revoke',
        details: {
          ...result,
          ...(person ? { sub: person.sub, role: person.role } : { session: target.id.slice(0, 16) }),
        },
      });
    } catch {
      return refuse(
        c,
        GatewayErrors.AUDIT_UNAVAILABLE,
        'The audit trail is unavailable; nobody was signed out.',
      );
    }
    await sessions.end(...ids);
    if (form) {
      return c.redirect(`${SIGNED_IN_PAGE}?${new URLSearchParams({ [SIGNED_OUT_PARAM]: result.name })}`, 303);
    }
    return c.json(successEnvelope(result, c.get('requestId')), 200, noStore);
  });

  return { routes, list: (c: Context<GatewayEnv>) => list(askerOf(c)) };
}
