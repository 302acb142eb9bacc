// Reading in bulk is a right (the export right): a person whose role lacks it may read at most READ_LIMIT_PER_HOUR
// distinct contacts in any hour. Each answer's contacts are counted (counter.ts) before it leaves; an answer that
// would take the person past the limit is refused (429 GATEWAY_017, Retry-After) and nothing of it is counted, and
// the first refusal in the window is recorded (`contacts.bulk_read`). Mounted inside recordApiViews, so a refused
// lookup or contact is recorded as refused. Runs for the browser's calls and server rendering's, for the person
// whose request (or page) it is.
import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { permissions } from '../identity/policy.ts';
import { scopeOf } from '../scope.ts';
import type { ReadCounter } from './counter.ts';

const CONTACT_ROUTES = /^\/v(1\/contacts|3\/contacts(\/[A-Za-z0-9_-]{1,128})?)$/;

type Fields = Record<string, unknown>;
const idOf = (value: unknown) => (value as Fields | null)?.id;
const idsOf = (list: unknown) =>
  Array.isArray(list)
    ? list.flatMap((item) => (typeof idOf(item) === 'string' ? [idOf(item) as string] : []))
    : [];

/** The contacts an answer carries: a v3 page or lookup, one v3 contact, or a v1 page (a bare body). */
function contactIdsOf(path: string, body: Uint8Array | undefined): string[] {
  let parsed: Fields | null = null;
  try {
    parsed = body ? (JSON.parse(new TextDecoder().decode(body)) as Fields) : null;
  } catch {
    return [];
  }
  if (path.startsWith('/v1/')) return idsOf(parsed?.items);
  const data = parsed?.data as Fields | null | undefined;
  if (path !== '/v3/contacts') return typeof idOf(data) === 'string' ? [idOf(data) as string] : [];
  return idsOf(data?.contacts);
}

export function limitReads(counter: ReadCounter, perHour: number): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const path = c.req.path;
    // The browser's request itself, or (server rendering) the page request it is made for.
    const who = (tryGetContext<GatewayEnv>() as Context<GatewayEnv> | undefined) ?? c;
    const person = who.get('person');
    if (c.req.method !== 'GET' || !CONTACT_ROUTES.test(path) || !person || permissions(person.role).export)
      return next();
    await next();
    if (!c.res.ok) return;
    // The bytes the proxy forwarded (routes/api.ts): cloning the response would cost it its fast path.
    const ids = contactIdsOf(path, c.get('forwardedBody'));
    if (ids.length === 0) return;
    const admitted = await counter.admit(person.sub, ids, perHour);
    if (admitted.ok) return;
    const minutes = Math.max(1, Math.ceil(admitted.retryAfterMs / 60_000));
    c.res = refuse(
      c,
      GatewayErrors.READ_LIMIT,
      `You have read ${admitted.count.toLocaleString('en')} contacts in the last hour, the limit for your role ` +
        `(${person.role}); more can be read in about ${minutes} min. Reading in bulk is part of the export right.`,
      { 'retry-after': String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))) },
    );
    if (!admitted.first) return;
    await who
      .get('audit')
      ?.record(who, {
        action: 'contacts.bulk_read',
        outcome: 'denied',
        profileId: scopeOf(path, c.req.raw.headers).account,
        details: { limit_per_hour: perHour, read_in_window: admitted.count, refused: ids.length },
      })
      .catch((error: unknown) => console.error('audit: could not record', error));
  };
}
