// Access secret (DASHBOARD_TOKEN): browsers sign in once on a tiny form and get an HttpOnly, SameSite=Strict
// cookie; scripts send `Authorization: Bearer <secret>`. The cookie holds an HMAC of the secret, not the secret.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from './security.ts';

export const ACCESS_COOKIE = 'sent_console_access';
export const SIGN_IN_PATH = '/__signin';
export const SIGN_OUT_PATH = '/__signout';
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;

function sameSecret(a: string, b: string): boolean {
  // Hash first so lengths match and the comparison time does not depend on where the strings differ.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Only same-site relative paths: `next` must not become an open redirect. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

const STYLE =
  'body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0}' +
  'form{display:grid;gap:.75rem;min-width:18rem}input,button{font:inherit;padding:.5rem}' +
  '.error{color:#b00020}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const SIGN_IN_CSP = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'sha256-${STYLE_HASH}'`);

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type SignInState = 'fresh' | 'failed' | 'throttled';

const NOTICES: Record<SignInState, string> = {
  fresh: '',
  failed: '<p class="error" role="alert">That access secret is not correct.</p>',
  throttled: '<p class="error" role="alert">Too many attempts. Try again in a few minutes.</p>',
};

export function signInPage(next: string, state: SignInState = 'fresh', retryAfterS = 0): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · Sent console</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main><form method="post" action="${SIGN_IN_PATH}">
<h1>Sent console</h1>
<input type="text" name="username" value="console" autocomplete="username" hidden>
<label for="token">Access secret</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}">
${NOTICES[state]}
<button type="submit">Sign in</button>
</form></main></body></html>`;
  return new Response(html, {
    status: state === 'fresh' ? 200 : state === 'failed' ? 401 : 429,
    headers: {
      ...(retryAfterS > 0 ? { 'retry-after': String(retryAfterS) } : {}),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': SIGN_IN_CSP,
    },
  });
}

export function createAccessControl(token: string) {
  const session = createHmac('sha256', token).update('sent-console-session-v1').digest('base64url');

  /** 'guess' is a wrong bearer secret: a guess worth throttling, unlike a missing or stale cookie. */
  function check(req: Request): 'ok' | 'missing' | 'guess' {
    const auth = req.headers.get('authorization');
    if (auth?.toLowerCase().startsWith('bearer '))
      return sameSecret(auth.slice(7).trim(), token) ? 'ok' : 'guess';
    const cookie = readCookie(req.headers.get('cookie'), ACCESS_COOKIE);
    return cookie !== null && sameSecret(cookie, session) ? 'ok' : 'missing';
  }

  function sessionCookie(req: Request, value: string, maxAge: number): string {
    const secure =
      new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https'
        ? '; Secure'
        : '';
    return `${ACCESS_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }

  async function handleSignIn(req: Request): Promise<Response> {
    const form = await req.formData().catch(() => null);
    const given = form?.get('token');
    const next = safeNext(form?.get('next')?.toString());
    if (typeof given !== 'string' || !sameSecret(given, token)) return signInPage(next, 'failed');
    return new Response(null, {
      status: 303,
      headers: { location: next, 'set-cookie': sessionCookie(req, session, COOKIE_MAX_AGE_S) },
    });
  }

  function handleSignOut(req: Request): Response {
    return new Response(null, {
      status: 303,
      headers: { location: SIGN_IN_PATH, 'set-cookie': sessionCookie(req, '', 0) },
    });
  }

  return { check, handleSignIn, handleSignOut };
}
