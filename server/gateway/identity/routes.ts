// OpenID Connect sign-in for the gateway: GET /auth/sign-in, GET /auth/callback, POST /auth/sign-out,
// GET /auth/signed-out, and `requirePerson`, the middleware that admits only a valid session.
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { CookieOptions } from 'hono/utils/cookie';
import type { GatewayEnv } from '../env.ts';
import { apiVersionOf, errorResponse, GatewayErrors } from '../errors.ts';
import { recordSession } from '../middleware/audit.ts';
import { newGatewayRequestId as newRequestId } from '../middleware/request-id.ts';
import { isApiPath } from '../proxy.ts';
import { safeNext } from '../routes/sign-in.ts';
import type { OidcSettings } from './config.ts';
import { CALLBACK_PATH, type OidcClient, SIGNED_OUT_PATH } from './oidc.ts';
import { noAccessPage, SIGN_IN_PATH, SIGN_OUT_PATH, signedOutPage, signInFailedPage } from './pages.ts';
import { resolveAccess } from './policy.ts';
import { createLoginTransactions, createSessions, LOGIN_TTL_MS, type Person } from './session.ts';

// Cookies ignore ports: a provider on the same host (127.0.0.1 in tests, a local IdP) sets its own `_session`
// cookies there, so ours carry the console's name. Behind https they also get the __Host- prefix.
export const SESSION_COOKIE = 'sent_console_session';
export const LOGIN_COOKIE = 'sent_console_login';

/** The gateway's own environment: `person` is set by requirePerson. */
export type IdentityEnv = GatewayEnv;

export interface IdentityOptions {
  settings: OidcSettings;
  oidc: OidcClient;
  now?: () => number;
}

export function createIdentity({ settings, oidc, now = Date.now }: IdentityOptions) {
  const sessions = createSessions({
    secrets: settings.sessionSecrets,
    idleMs: settings.idleMs,
    absoluteMs: settings.absoluteMs,
    now,
  });
  const logins = createLoginTransactions({ secrets: settings.sessionSecrets, now });
  const secure = settings.publicUrl.startsWith('https:');
  const prefix = secure ? ('host' as const) : undefined;
  // SameSite=Lax: the provider's redirect back to the callback is a cross-site top-level GET.
  const cookie = (maxAgeMs: number): CookieOptions => ({
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
    ...(prefix ? { prefix } : {}),
  });
  const clear = (c: Context, name: string) => deleteCookie(c, name, cookie(0));
  // A Response built elsewhere, keeping the cookies already set on `c` (Hono drops them otherwise).
  const reply = async (c: Context, res: Response | Promise<Response>) => {
    const r = await res;
    return c.newResponse(r.body, r);
  };
  /** Only same-origin writes; the app's own check applies too, this covers the routes on their own. */
  const sameOrigin = csrf({ origin: new URL(settings.publicUrl).origin });

  async function startSession(c: Context, person: Person, started: number) {
    const remaining = Math.min(settings.idleMs, started + settings.absoluteMs - now());
    setCookie(c, SESSION_COOKIE, await sessions.issue(person, started), cookie(remaining));
  }

  const routes = new Hono<IdentityEnv>();

  routes.get(SIGN_IN_PATH, async (c) => {
    const { url, transaction } = await oidc.startSignIn(safeNext(c.req.query('next')));
    setCookie(c, LOGIN_COOKIE, await logins.seal(transaction), cookie(LOGIN_TTL_MS));
    return c.redirect(url.href, 303);
  });

  routes.get(CALLBACK_PATH, async (c) => {
    const tx = await logins.open(getCookie(c, LOGIN_COOKIE, prefix));
    clear(c, LOGIN_COOKIE);
    if (!tx)
      return reply(c, signInFailedPage('This sign-in took too long or was started in another browser.', '/'));
    let identity: Awaited<ReturnType<OidcClient['finishSignIn']>>;
    try {
      identity = await oidc.finishSignIn(new URL(c.req.url).search, tx);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return reply(
        c,
        signInFailedPage(`The sign-in provider's answer was not accepted (${detail}).`, tx.next),
      );
    }
    const who = identity.email ?? identity.name;
    const access = resolveAccess(settings.policy, identity.groups);
    const actor = { sub: identity.sub, name: identity.name, groups: identity.groups };
    if (!access) {
      await recordSession(c, 'session.sign_in', { person: { ...actor, role: 'none' }, outcome: 'denied' });
      return reply(c, noAccessPage(who, identity.groups));
    }
    const person: Person = { sub: identity.sub, name: identity.name, email: identity.email, ...access };
    await startSession(c, person, now());
    // The groups are recorded as they were at this sign-in (the session keeps only what they granted).
    await recordSession(c, 'session.sign_in', { person: { ...actor, role: person.role } });
    return c.redirect(tx.next, 303);
  });

  routes.post(SIGN_OUT_PATH, sameOrigin, async (c) => {
    const state = await sessions.read(getCookie(c, SESSION_COOKIE, prefix));
    if (state.status === 'valid') {
      const { sub, name, role } = state.person;
      await recordSession(c, 'session.sign_out', { person: { sub, name, role } });
    }
    clear(c, SESSION_COOKIE);
    return c.redirect(oidc.endSessionUrl()?.href ?? SIGNED_OUT_PATH, 303);
  });

  routes.get(SIGNED_OUT_PATH, () => signedOutPage());

  const SIGN_IN_AGAIN = {
    invalid: 'Sign in to use the console.',
    idle: 'Your session ended after a period of inactivity: sign in again.',
    absolute: 'Your session reached its maximum length: sign in again.',
  };

  /** Sets `person` for what follows; page navigations without a session go to sign-in and come back. */
  const requirePerson: MiddlewareHandler<IdentityEnv> = async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE, prefix);
    const state = await sessions.read(token);
    if (state.status !== 'valid') {
      const url = new URL(c.req.url);
      const isPage =
        c.req.method === 'GET' &&
        !isApiPath(url.pathname) &&
        (c.req.header('accept') ?? '').includes('text/html');
      const res = isPage
        ? c.redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
        : errorResponse(
            GatewayErrors.ACCESS_REQUIRED,
            SIGN_IN_AGAIN[state.status === 'expired' ? state.reason : 'invalid'],
            c.get('requestId') ?? newRequestId(),
            apiVersionOf(url.pathname),
          );
      if (token) clear(c, SESSION_COOKIE);
      return reply(c, res);
    }
    c.set('person', state.person);
    await sameOrigin(c, next);
    if (state.reissue) await startSession(c, state.person, state.started);
  };

  return { routes, requirePerson, sessions };
}

export type Identity = ReturnType<typeof createIdentity>;
