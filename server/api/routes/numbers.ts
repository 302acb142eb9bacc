// GET /v3/numbers/lookup/{phone_number}: what a number is (line type, carrier, MCC/MNC, ported, VoIP), as
// Sent's `client.numbers.lookup` answers it. Scoped and rate-limited like every v3 route (app.ts); the
// facts are deterministic (numbers/lookup.ts), so they do not depend on the scope.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ok } from '../envelope.ts';
import { lookupFacts } from '../numbers/lookup.ts';
import { validPhone } from './phone-input.ts';

export function numbersRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/lookup/:phone', (c) => ok(c, lookupFacts(validPhone(c.req.param('phone'), 'phone_number'))));
  return routes;
}
