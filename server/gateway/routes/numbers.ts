// GET /__numbers/contact/{contactId}: a contact's number looked up (GET /v3/numbers/lookup/{phone_number}),
// for the detail's Reachability card. The gateway reads the number itself, so people whose role sees numbers
// masked get the card too (masked); the lookup is the person's request (team budget, day-long cache) and is
// recorded as `number.lookup` naming the contact. Server rendering calls `answer` with the page's context.
import { type Context, Hono } from 'hono';
import { CONTACT_NUMBER_PREFIX, numberLookupPath } from '../../../src/shared/numbers.ts';
import { numberLookupEntry } from '../audit/number-lookups.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { type OwnAccount, refusal } from '../identity/enforce.ts';
import { maskResponse } from '../identity/mask-numbers.ts';
import { permissions } from '../identity/policy.ts';
import type { CallOutcome, GatewayCall } from './api.ts';

export interface NumberRouteOptions {
  /** The gateway's own API routes (allowlist, key, team budget), unrecorded and unmasked. */
  api: GatewayCall;
  ownAccount: OwnAccount;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function contactNumbers({ api, ownAccount }: NumberRouteOptions) {
  /** The lookup for `contactId` as `c`'s person may see it (c: the request, or the page being rendered). */
  async function answer(c: Context<GatewayEnv>, contactId: string, profileId: string | null) {
    const person = c.get('person');
    const requester = c.get('requester');
    const headers = { accept: 'application/json', ...(profileId ? { 'x-profile-id': profileId } : {}) };
    const origin = new URL(c.req.url).origin;
    const read = new Request(`${origin}/v3/contacts/${encodeURIComponent(contactId)}`, { headers });
    /** The answer once recorded; 503 instead when the trail cannot store it (as for every recorded view). */
    const recorded = async (res: Response, phone: string, cache?: string) => {
      const view = { action: 'number.lookup', phone } as const;
      const entry = await numberLookupEntry(view, res, profileId, { contactId, cache });
      try {
        await c.get('audit')?.record(c, entry, res.headers.get('x-request-id') ?? undefined);
        return res;
      } catch (error) {
        console.error('audit: could not record', error);
        return refuse(
          c,
          GatewayErrors.AUDIT_UNAVAILABLE,
          'The audit trail is unavailable; try again shortly.',
        );
      }
    };
    // Exactly the rules of reading that contact: role and profile.
    const refused = person ? refusal(person, read, ownAccount, c.get('requestId')) : null;
    if (refused) {
      c.set('error', refused.code);
      return recorded(refused.response, '');
    }
    const contact = await api(read, requester);
    if (!contact.ok) return contact;
    const body = (await contact.json()) as { data?: { format_e164?: unknown } };
    const phone = typeof body.data?.format_e164 === 'string' ? body.data.format_e164 : '';
    const outcome: CallOutcome = {};
    const lookup = await api(new Request(origin + numberLookupPath(phone), { headers }), requester, outcome);
    const res = await recorded(lookup, phone, outcome.cache);
    return person && !permissions(person.role).seeNumbers ? maskResponse(res) : res;
  }

  const routes = new Hono<GatewayEnv>();
  routes.get(`${CONTACT_NUMBER_PREFIX}:contactId`, async (c) => {
    const contactId = c.req.param('contactId');
    if (!ID.test(contactId)) return refuse(c, GatewayErrors.ROUTE_NOT_FOUND, 'No such contact id.');
    return answer(c, contactId, c.req.header('x-profile-id') ?? null);
  });

  /** Server rendering's request for this route, answered in the page's name; null for any other request. */
  async function forPage(page: Context<GatewayEnv>, req: Request): Promise<Response | null> {
    const { pathname } = new URL(req.url);
    if (!pathname.startsWith(CONTACT_NUMBER_PREFIX)) return null;
    const contactId = pathname.slice(CONTACT_NUMBER_PREFIX.length);
    if (!ID.test(contactId)) return null;
    return answer(page, contactId, req.headers.get('x-profile-id'));
  }

  return { routes, forPage };
}
