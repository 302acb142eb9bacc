import { Hono, type MiddlewareHandler } from 'hono';
import type { AccountDirectory } from './accounts.ts';
import type { AppEnv } from './app-env.ts';
import { failure } from './envelope.ts';
import { ApiFailure } from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { type FaultOptions, faults } from './middleware/faults.ts';
import { idempotency } from './middleware/idempotency.ts';
import { type RateLimitOptions, rateLimit } from './middleware/rate-limit.ts';
import { assignRequestId, requestIdHeader } from './middleware/request-id.ts';
import { contactsRoutes } from './routes/contacts.ts';
import { numbersRoutes } from './routes/numbers.ts';
import { meRoutes, profilesRoutes } from './routes/profiles.ts';
import { v1Routes } from './routes/v1.ts';
import type { ContactsStore } from './store/contacts.ts';
import type { IdempotencyStore } from './store/idempotency.ts';

export interface AppDeps {
  accounts: AccountDirectory;
  contacts: ContactsStore;
  idempotency: IdempotencyStore;
  rateLimit: RateLimitOptions | false;
  faults: FaultOptions;
  /** Run before the routes, e.g. the test tree's fault headers (server/testing/api-faults.ts). */
  middleware?: MiddlewareHandler<AppEnv>[];
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', assignRequestId);
  app.use('*', requestIdHeader);
  if (deps.rateLimit) app.use('*', rateLimit(deps.rateLimit));
  app.use('*', faults(deps.faults));
  for (const extra of deps.middleware ?? []) app.use('*', extra);
  app.use('/v3/*', authenticate(deps.accounts, 'x-profile-id'));
  app.use('/v1/*', authenticate(deps.accounts, 'x-sender-id', { ownIdAllowed: true }));
  // One store for the collection and its items ('/v3/contacts/*' matches '/v3/contacts' too).
  app.use('/v3/contacts/*', idempotency(deps.idempotency));

  app.route('/v3/contacts', contactsRoutes(deps.contacts));
  app.route('/v3/profiles', profilesRoutes(deps.accounts));
  app.route('/v3/me', meRoutes(deps.accounts));
  app.route('/v3/numbers', numbersRoutes());
  app.route('/v1', v1Routes(deps.contacts));

  app.notFound((c) =>
    respond(c.req.path, c, new ApiFailure('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((err, c) => {
    const known =
      err instanceof ApiFailure
        ? err
        : new ApiFailure(
            'INTERNAL_001',
            `An unexpected error occurred. Please contact support with request ID: ${c.get('requestId')}`,
          );
    if (!(err instanceof ApiFailure)) console.error(`[api] ${c.get('requestId')}`, err);
    return respond(c.req.path, c, known);
  });
  return app;
}

/** v1 answers errors with an empty body, as its docs show; v3 with the envelope. */
function respond(path: string, c: Parameters<typeof failure>[0], error: ApiFailure): Response {
  const res = path.startsWith('/v1/') ? new Response(null, { status: error.status }) : failure(c, error);
  for (const [name, value] of Object.entries(error.headers)) res.headers.set(name, value);
  return res;
}
