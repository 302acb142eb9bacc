// Every request past this point needs the access secret (cookie or bearer). Page navigations without it go
// to the sign-in form; anything else gets 401 in the envelope. Wrong bearer secrets count as guesses.
import type { MiddlewareHandler } from 'hono';
import type { AccessSecret } from '../access-secret.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { isApiPath } from '../proxy.ts';
import { ACCESS_SIGN_IN_PATH } from '../routes/sign-in.ts';
import type { FailureThrottle } from '../throttle.ts';

export function requireAccess(
  access: AccessSecret,
  throttle: FailureThrottle,
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const verdict = await access.check(c);
    if (verdict === 'ok') return next();
    if (verdict === 'guess') {
      const wait = throttle.retryAfterS(clientAddress(c));
      if (wait > 0) {
        return refuse(
          c,
          GatewayErrors.TOO_MANY_ATTEMPTS,
          'Too many wrong access secrets from this address; try again later.',
          { 'retry-after': String(wait) },
        );
      }
      throttle.fail(clientAddress(c));
    }
    const path = c.req.path;
    const wantsPage = c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');
    if (wantsPage && !isApiPath(path) && !path.startsWith('/__')) {
      const url = new URL(c.req.url);
      c.set('error', GatewayErrors.ACCESS_REQUIRED.code);
      return c.redirect(`${ACCESS_SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    return refuse(c, GatewayErrors.ACCESS_REQUIRED, 'Sign in with the access secret.', {
      'www-authenticate': 'Bearer realm="sent-console"',
    });
  };
}
