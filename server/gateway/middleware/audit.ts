// The audit trail in the request path (server/audit; the gateway's side in ../audit). Every entry is stored
// before the response leaves: if it cannot be, the caller gets 503 GATEWAY_013 instead of the data.
//   auditTrail(trail)      every request: `c.get('audit')`, for routes that record (sign-in, reveal…)
//   recordApiViews(…)      API calls: lookups, contacts opened, edits, adds, removals, export pages (api-views.ts)
//   recordRefusals(…)      the same calls when staff sign-in refuses them (role or profile) before they get there
//   recordSession, recordReveal: the hooks other routes call.
// Server rendering's own API calls go through a second Hono app (app.ts); they are recorded there, once, in
// the name of the page request, found through hono/context-storage (the page's context is the outermost).
import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import {
  type ApiView,
  apiViewOf,
  dataOf,
  entryFor,
  readsBody,
  rowsOf,
  sentFields,
} from '../audit/api-views.ts';
import type { AppAudit } from '../audit/trail.ts';
import type { AuditPerson } from '../audit/types.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { scopeOf } from '../scope.ts';

export const auditTrail =
  (audit: AppAudit): MiddlewareHandler<GatewayEnv> =>
  async (c, next) => {
    c.set('audit', audit);
    await next();
  };

/** The profile an API call acted in (scope.ts); null: the key's own account. */
const profileOf = (c: Context<GatewayEnv>) => scopeOf(c.req.path, c.req.raw.headers).account;

/** Fetches a contact upstream without recording it (the "before" of an edit). */
export type FetchUnrecorded = (req: Request) => Promise<Response>;

async function contactBefore(c: Context<GatewayEnv>, fetchUnrecorded: FetchUnrecorded) {
  const url = new URL(c.req.url);
  const headers = new Headers({ accept: 'application/json' });
  const { header } = scopeOf(url.pathname, c.req.raw.headers);
  if (header) headers.set(header.name, header.value);
  const res = await fetchUnrecorded(new Request(url.origin + url.pathname, { headers }));
  const data = await dataOf(res);
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

export function recordApiViews(
  audit: AppAudit,
  fetchUnrecorded: FetchUnrecorded,
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const view: ApiView | null = apiViewOf(c.req.raw);
    if (!view) return next();
    // The browser's request itself, or (server rendering) the page request it is made for.
    const who = (tryGetContext<GatewayEnv>() as Context<GatewayEnv> | undefined) ?? c;
    // Read just before forwarding: an edit landing in between would show in `before` (see README).
    const before =
      view.action === 'contact.edit' || view.action === 'contact.remove'
        ? await contactBefore(c, fetchUnrecorded)
        : null;
    const sent = readsBody(view) ? sentFields(c.req.raw) : null;
    await next();
    // 499: the caller went away (a superseded lookup, a render past its budget): nobody saw an answer.
    if (c.res.status === 499) return;
    if (view.action === 'export.page') {
      if (!c.res.ok) return;
      audit.trail.exports.countPage(view.exportId, audit.actorId(who), rowsOf(await dataOf(c.res)).length);
      return;
    }
    const entry = await entryFor(view, c.res, profileOf(c), before, await sent);
    if (!entry) return;
    // The id support can look up: the upstream's when it sent one (as the response and the log carry).
    const requestId = c.res.headers.get('x-request-id') ?? c.get('requestId');
    await recordOrRefuse(c, () => audit.record(who, entry, requestId));
  };
}

const ENFORCEMENT_REFUSALS = new Set<string>([
  GatewayErrors.ROLE_FORBIDDEN.code,
  GatewayErrors.PROFILE_FORBIDDEN.code,
]);

/**
 * Staff sign-in refuses calls a role or profile grant does not allow before they reach recordApiViews (and
 * the API): placed just before that enforcement, this records them as denied (a viewer's add or removal, an
 * agent's lookup in another profile). The number of a refused removal is not fetched: only its id is known.
 */
export function recordRefusals(audit: AppAudit): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const view = apiViewOf(c.req.raw);
    if (!view || view.action === 'export.page') return next();
    const sent = readsBody(view) ? sentFields(c.req.raw) : null;
    await next();
    if (!ENFORCEMENT_REFUSALS.has(c.get('error') ?? '')) return;
    const entry = await entryFor(view, c.res, profileOf(c), null, await sent);
    if (entry) await recordOrRefuse(c, () => audit.record(c, entry));
  };
}

/** Stores the entry, or replaces the response with 503: an answer that could not be recorded is not sent. */
async function recordOrRefuse(c: Context<GatewayEnv>, record: () => Promise<unknown>): Promise<void> {
  try {
    await record();
  } catch (error) {
    console.error('audit: could not record', error);
    c.res = refuse(c, GatewayErrors.AUDIT_UNAVAILABLE, 'The audit trail is unavailable; try again shortly.');
    c.set('cause', error instanceof Error ? error.name : 'unknown');
  }
}

/**
 * Sign-in and sign-out, for any sign-in method: call after the session is set (or cleared). Pass the person
 * when the context does not carry one yet (right after an OIDC callback) or any more (sign-out). No-op when
 * the audit is off.
 */
export async function recordSession(
  c: Context<GatewayEnv>,
  action: 'session.sign_in' | 'session.sign_out',
  options: {
    person?: AuditPerson;
    outcome?: 'ok' | 'denied' | 'error';
    details?: Record<string, unknown>;
  } = {},
): Promise<void> {
  await c
    .get('audit')
    ?.record(c, { action, outcome: options.outcome, person: options.person, details: options.details });
}

/** A masked number shown in full to someone whose role sees numbers masked (a viewer's reveal). */
export async function recordReveal(
  c: Context<GatewayEnv>,
  reveal: { contactId: string; phone: string; profileId: string | null },
): Promise<void> {
  await c.get('audit')?.record(c, { action: 'number.reveal', ...reveal });
}
