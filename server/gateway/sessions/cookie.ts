// The session cookie of either sign-in method (hono/cookie): HttpOnly, Path=/, the handle as its value, kept
// by the browser until the session's absolute end (the server decides idle expiry). Behind https it is
// Secure, and with a fixed public origin (OIDC's PUBLIC_URL) also __Host- prefixed.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';

export interface SessionCookieOptions {
  sameSite: 'Strict' | 'Lax';
  /** true/false, or decided per request (the access secret has no fixed public address). */
  secure: boolean | ((c: Context) => boolean);
  /** __Host- prefix: only with a fixed https origin. */
  hostPrefix?: boolean;
}

export interface SessionCookie {
  get(c: Context): string | undefined;
  set(c: Context, handle: string, maxAgeMs: number): void;
  clear(c: Context): void;
}

export function sessionCookie(name: string, o: SessionCookieOptions): SessionCookie {
  const prefix = o.hostPrefix ? ('host' as const) : undefined;
  const options = (c: Context, maxAgeMs: number): CookieOptions => ({
    path: '/',
    httpOnly: true,
    secure: typeof o.secure === 'function' ? o.secure(c) : o.secure,
    sameSite: o.sameSite,
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
    ...(prefix ? { prefix } : {}),
  });
  return {
    get: (c) => getCookie(c, name, prefix),
    set: (c, handle, maxAgeMs) => setCookie(c, name, handle, options(c, maxAgeMs)),
    clear: (c) => deleteCookie(c, name, options(c, 0)),
  };
}
