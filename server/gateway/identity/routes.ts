// OpenID Connect sign-in for the gateway: GET /auth/sign-in, GET /auth/callback, POST /auth/sign-out,
// GET /auth/signed-out, and `requirePerson`, the middleware that admits only a live server-side session
// (../sessions), asking the provider again once its check is SESSION_RECHECK_MINUTES old (recheck.ts).
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { CookieOptions } from 'hono/utils/cookie';
import { STAFF_SIGN_IN_PATH, STAFF_SIGN_OUT_PATH } from '../../../src/shared/person.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { errorResponse, GatewayErrors } from '../errors.ts';
import { recordSession } from '../middleware/audit.ts';
import { newGatewayRequestId as newRequestId } from '../middleware/request-id.ts';
import { isApiPath } from '../proxy.ts';
import { safeReturnTo } from '../return-to.ts';
import { sessionCookie } from '../sessions/cookie.ts';
import type { Sessions } from '../sessions/sessions.ts';
import type { OidcSettings } from './config.ts';
import { createLoginTransactions, LOGIN_TTL_MS, type Person } from './login.ts';
import { CALLBACK_PATH, type OidcClient, SIGNED_OUT_PATH } from './oidc.ts';
import { noAccessPage, signedOutPage, signInFailedPage } from './pages.ts';
import { resolveAccess } from './policy.ts';
import { createRecheck } from './recheck.ts';

// Cookies ignore ports: a provider on the same host (127.0.0.1 in tests, a local IdP) sets its own `_session`
// cookies there, so ours carry the console's name. Behind https they also get the __Host- prefix.
// A signed-in staff member; not the anonymous browser session the team budget counts (BROWSER_SESSION_COOKIE).
export const STAFF_SESSION_COOKIE = 'sent_console_session';
export const LOGIN_COOKIE = 'sent_console_login';

/** The gateway's own environment: `person` is set by requirePerson. */
export type IdentityEnv = GatewayEnv;

export interface IdentityOptions {
  settings: OidcSettings;
  oidc: OidcClient;
  /** Where sessions live (sessions/open.ts): Redis shared by the replicas, or this process. */
  sessions: Sessions;
}

const SIGN_IN_AGAIN = {
  invalid: 'Sign in to use the console.',
  idle: 'Your session ended after a period of inactivity: sign in again.',
  absolute: 'Your session reached its maximum length: sign in again.',
  not_confirmed: 'Your sign-in provider no longer confirms your session: sign in again.',
  access_removed: 'Your groups no longer give access to this console.',
};

export function createIdentity({ settings, oidc, sessions }: IdentityOptions) {
  const logins = createLoginTransactions({ secrets: settings.sessionSecrets, now: sessions.now });
  const recheck = createRecheck({ oidc, policy: settings.policy, sessions, recheckMs: settings.recheckMs });
  const secure = settings.publicUrl.startsWith('https:');
  const session = sessionCookie(STAFF_SESSION_COOKIE, { sameSite: 'Lax', secure, hostPrefix: secure });
  const prefix = secure ? ('host' as const) : undefined;
  // SameSite=Lax: the provider's redirect back to the callback is a cross-site top-level GET.
  const loginCookie = (maxAgeMs: number): CookieOptions => ({
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
    ...(prefix ? { prefix } : {}),
  });
  const safeNext = (next: unknown) => safeReturnTo(next, settings.publicUrl);
  // A Response built elsewhere, keeping the cookies already set on `c` (Hono drops them otherwise).
  const reply = async (c: Context, res: Response | Promise<Response>) => {
    const r = await res;
    return c.newResponse(r.body, r);
  };
  /** Only same-origin writes; the app's own check applies too, this covers the routes on their own. */
  const sameOrigin = csrf({ origin: new URL(settings.publicUrl).origin });

  const routes = new Hono<IdentityEnv>();

  routes.get(STAFF_SIGN_IN_PATH, async (c) => {
    const { url, transaction } = await oidc.startSignIn(safeNext(c.req.query('next')));
    setCookie(c, LOGIN_COOKIE, await logins.seal(transaction), loginCookie(LOGIN_TTL_MS));
    return c.redirect(url.href, 303);
  });

  routes.get(CALLBACK_PATH, async (c) => {
    const tx = await logins.open(getCookie(c, LOGIN_COOKIE, prefix));
    deleteCookie(c, LOGIN_COOKIE, loginCookie(0));
    if (!tx)
      return reply(c, signInFailedPage('This sign-in took too long or was started in another browser.', '/'));
    const next = safeNext(tx.next);
    let answer: Awaited<ReturnType<OidcClient['finishSignIn']>>;
    try {
      answer = await oidc.finishSignIn(new URL(c.req.url).search, tx);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return reply(c, signInFailedPage(`The sign-in provider's answer was not accepted (${detail}).`, next));
    }
    const { identity, tokens } = answer;
    const access = resolveAccess(settings.policy, identity.groups);
    const actor = { sub: identity.sub, name: identity.name, groups: identity.groups };
    if (!access) {
      await recordSession(c, 'session.sign_in', { person: { ...actor, role: 'none' }, outcome: 'denied' });
      return reply(c, noAccessPage(identity.email ?? identity.name, identity.groups));
    }
    const person: Person = { sub: identity.sub, name: identity.name, email: identity.email, ...access };
    // Signing in again replaces this browser's session rather than leaving the old one alive beside it.
    const previous = await sessions.read(session.get(c));
    if (previous.status === 'valid') await sessions.end(previous.id);
    const opened = await sessions.open({
      kind: 'oidc',
      person,
      tokens,
      address: clientAddress(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
    session.set(c, opened.handle, settings.absoluteMs);
    c.set('session', opened.id);
    // The groups are recorded as they were at this sign-in (the session keeps only what they granted).
    await recordSession(c, 'session.sign_in', { person: { ...actor, role: person.role } });
    return c.redirect(next, 303);
  });

  routes.post(STAFF_SIGN_OUT_PATH, sameOrigin, async (c) => {
    const state = await sessions.read(session.get(c));
    if (state.status === 'valid' && state.record.person) {
      await sessions.end(state.id);
      c.set('session', state.id);
      const { sub, name, role } = state.record.person;
      await recordSession(c, 'session.sign_out', { person: { sub, name, role } });
    }
    session.clear(c);
    return c.redirect(oidc.endSessionUrl()?.href ?? SIGNED_OUT_PATH, 303);
  });

  routes.get(SIGNED_OUT_PATH, () => signedOutPage());

  /** Page navigations go to sign-in and come back; anything else gets 401 saying why. */
  const signInAgain = (c: Context<IdentityEnv>, why: keyof typeof SIGN_IN_AGAIN) => {
    const url = new URL(c.req.url);
    const isPage =
      c.req.method === 'GET' &&
      !isApiPath(url.pathname) &&
      (c.req.header('accept') ?? '').includes('text/html');
    if (session.get(c)) session.clear(c);
    return reply(
      c,
      isPage
        ? c.redirect(`${STAFF_SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
        : errorResponse(
            GatewayErrors.ACCESS_REQUIRED,
            SIGN_IN_AGAIN[why],
            c.get('requestId') ?? newRequestId(),
            url.pathname,
          ),
    );
  };

  /** Sets `person` and `session` for what follows. */
  const requirePerson: MiddlewareHandler<IdentityEnv> = async (c, next) => {
    const state = await sessions.read(session.get(c));
    if (state.status !== 'valid' || state.record.kind !== 'oidc' || !state.record.person) {
      return signInAgain(c, state.status === 'expired' ? state.reason : 'invalid');
    }
    const checked = await recheck(state.id, { ...state.record, person: state.record.person });
    if (checked.status === 'ended') {
      const { sub, name, role } = checked.person;
      await recordSession(c, 'session.sign_out', {
        person: { sub, name, role, groups: checked.groups },
        details: { reason: checked.reason },
      });
      return signInAgain(c, checked.reason);
    }
    c.set('person', checked.person);
    c.set('session', state.id);
    await sameOrigin(c, next);
  };

  return { routes, requirePerson, sessions };
}

export type Identity = ReturnType<typeof createIdentity>;
