// The signed-in person's own routes: GET /__me (who is signed in and what their role may do; person null
// without staff sign-in) and POST /__reveal/{contactId}, one contact's unmasked numbers for a role whose
// numbers are masked. A reveal is a recorded act: the route sets `revealed` for the audit trail.
import { Hono } from 'hono';
import { ME_PATH, NUMBER_FIELDS, REVEAL_PREFIX } from '../../../src/shared/person.ts';
import { successEnvelope } from '../../envelope.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { type OwnAccount, refusal } from '../identity/enforce.ts';
import { meData } from '../identity/person.ts';
import { recordReveal } from '../middleware/audit.ts';

export const REVEAL_PATH = `${REVEAL_PREFIX}:contactId`;

export interface PersonRouteOptions {
  /** The gateway's own API routes (allowlist, key), unmasked: the reveal reads the contact through them. */
  api: (req: Request) => Promise<Response>;
  ownAccount: OwnAccount;
}

const KEPT = new Set<string>(['id', ...NUMBER_FIELDS]);

export function personRoutes({ api, ownAccount }: PersonRouteOptions): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>();
  const noStore = { 'cache-control': 'no-store' };

  routes.get(ME_PATH, (c) => {
    return c.json(successEnvelope(meData(c.get('person')), c.get('requestId')), 200, noStore);
  });

  routes.post(REVEAL_PATH, async (c) => {
    const person = c.get('person');
    if (!person)
      return refuse(c, GatewayErrors.ROUTE_NOT_FOUND, 'Numbers are not masked here: nothing to reveal.');
    const contactId = c.req.param('contactId');
    const profileId = c.req.header('x-profile-id') ?? null;
    const read = new Request(new URL(`/v3/contacts/${encodeURIComponent(contactId)}`, c.req.url), {
      headers: { accept: 'application/json', ...(profileId ? { 'x-profile-id': profileId } : {}) },
    });
    // Exactly the rules of reading that contact: role and profile.
    const refused = refusal(person, read, ownAccount, c.get('requestId'));
    if (refused) {
      c.set('error', refused.code);
      return refused.response;
    }
    const res = await api(read);
    if (!res.ok) return res;
    const body = (await res.json()) as { data?: Record<string, unknown> };
    const numbers = Object.fromEntries(Object.entries(body.data ?? {}).filter(([key]) => KEPT.has(key)));
    c.set('revealed', { contactId, profileId });
    await recordReveal(c, {
      contactId,
      profileId,
      phone: String(numbers.phone_number ?? numbers.format_e164 ?? ''),
    });
    return c.json(successEnvelope(numbers, c.get('requestId')), 200, noStore);
  });

  return routes;
}
