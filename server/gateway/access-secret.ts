// The access secret (env DASHBOARD_TOKEN): browsers sign in once and get an HttpOnly, SameSite=Strict cookie
// signed with the secret (hono/cookie); scripts send `Authorization: Bearer <secret>`. The secret itself is
// never stored in the browser.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

export const ACCESS_COOKIE = 'sent_console_access';
const SESSION_VALUE = 'console';
const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** 'guess' is a wrong bearer secret: a guess worth throttling, unlike a missing or stale cookie. */
export type AccessVerdict = 'ok' | 'missing' | 'guess';

export interface AccessSecret {
  check(c: Context): Promise<AccessVerdict>;
  matches(given: unknown): boolean;
  openSession(c: Context): Promise<void>;
  closeSession(c: Context): void;
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so lengths match and the comparison time does not depend on where the strings differ.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Behind a TLS-terminating proxy the cookie must still be Secure. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function createAccessSecret(secret: string): AccessSecret {
  return {
    async check(c) {
      const auth = c.req.header('authorization');
      if (auth?.toLowerCase().startsWith('bearer '))
        return sameSecret(auth.slice(7).trim(), secret) ? 'ok' : 'guess';
      return (await getSignedCookie(c, secret, ACCESS_COOKIE)) === SESSION_VALUE ? 'ok' : 'missing';
    },
    matches: (given) => typeof given === 'string' && sameSecret(given, secret),
    openSession: (c) =>
      setSignedCookie(c, ACCESS_COOKIE, SESSION_VALUE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        maxAge: SESSION_MAX_AGE_S,
      }),
    closeSession(c) {
      deleteCookie(c, ACCESS_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
    },
  };
}
