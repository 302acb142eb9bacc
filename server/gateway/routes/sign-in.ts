// Sign-in and sign-out for the access secret: a tiny form (no script; its one style allowed by hash) that
// opens a session of its own for this browser, throttled per client address (TRUST_PROXY) like bearer guesses.
import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AccessSecret } from '../access-secret.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { recordSession } from '../middleware/audit.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { securityHeaders } from '../middleware/security-headers.ts';
import { safeReturnTo } from '../return-to.ts';
import type { FailureThrottle } from '../throttle.ts';

/** The access secret's form; staff sign in over OpenID at STAFF_SIGN_IN_PATH (src/shared/person). */
export const ACCESS_SIGN_IN_PATH = '/__signin';
export const ACCESS_SIGN_OUT_PATH = '/__signout';

/** `next` on this gateway's own origin only (return-to.ts): it must not become an open redirect. */
const safeNext = (c: Context, next: unknown) => safeReturnTo(next, c.req.url);

const STYLE =
  'body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0}' +
  'form{display:grid;gap:.75rem;min-width:18rem}input,button{font:inherit;padding:.5rem}' +
  '.error{color:#b00020}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

type SignInState = 'fresh' | 'failed' | 'throttled';

/** Fixed markup, no values in it. */
const NOTICES: Record<SignInState, string> = {
  fresh: '',
  failed: '<p class="error" role="alert">That access secret is not correct.</p>',
  throttled: '<p class="error" role="alert">Too many attempts. Try again in a few minutes.</p>',
};
const STATUS = { fresh: 200, failed: 401, throttled: 429 } as const;

/** The form; hono/html escapes `next` (it comes from the query string), as identity/pages.ts does. */
async function signInPage(c: Context, next: string, state: SignInState = 'fresh', retryAfterS = 0) {
  const page = await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · Sent console</title><link rel="icon" href="data:,"><style>${raw(STYLE)}</style></head>
<body><main><form method="post" action="${ACCESS_SIGN_IN_PATH}">
<h1>Sent console</h1>
<input type="text" name="username" value="console" autocomplete="username" hidden>
<label for="token">Access secret</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${next}">
${raw(NOTICES[state])}
<button type="submit">Sign in</button>
</form></main></body></html>`;
  return c.html(page, STATUS[state], {
    ...(retryAfterS > 0 ? { 'retry-after': String(retryAfterS) } : {}),
    'cache-control': 'no-store',
  });
}

export function signInRoutes(access: AccessSecret, throttle: FailureThrottle): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>();
  routes.use(ACCESS_SIGN_IN_PATH, securityHeaders({ styleSrc: [`'sha256-${STYLE_HASH}'`] }));

  routes.get(ACCESS_SIGN_IN_PATH, (c) => signInPage(c, safeNext(c, c.req.query('next'))));

  routes.post(ACCESS_SIGN_IN_PATH, limitBody, async (c) => {
    const wait = throttle.retryAfterS(clientAddress(c));
    if (wait > 0) return signInPage(c, safeNext(c, c.req.query('next')), 'throttled', wait);
    const form = await c.req.formData().catch(() => null);
    const next = safeNext(c, form?.get('next')?.toString());
    if (!access.matches(form?.get('token'))) {
      throttle.fail(clientAddress(c));
      await recordSession(c, 'session.sign_in', { outcome: 'denied' });
      return signInPage(c, next, 'failed');
    }
    await access.openSession(c);
    await recordSession(c, 'session.sign_in');
    return c.redirect(next, 303);
  });

  routes.post(ACCESS_SIGN_OUT_PATH, async (c) => {
    if (await access.closeSession(c)) await recordSession(c, 'session.sign_out');
    return c.redirect(ACCESS_SIGN_IN_PATH, 303);
  });

  return routes;
}
