// /__audit on the gateway:
//   POST /exports              {filters, profile_id}           → 201 {id}  (any user who may export)
//   POST /exports/{id}/finish  {status, row_count}             → 201 {seq} (the one contacts.export entry)
//   GET  /, GET /export.csv    the trail's query API (server/audit/routes.ts), admins only, and only the entries
//                              of their profiles: entries of no profile (sign-ins, the organization's own scope)
//                              only for admins who may use that scope (every profile, or a profile key's one)
// Refusals are JSON `{error: {code, message}}`, like the query API's own.
import { vValidator } from '@hono/valibot-validator';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { AuditVisibility } from '../../audit/store.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { mayUseProfile } from '../identity/authorize.ts';
import type { OwnAccount } from '../identity/enforce.ts';
import { isAuditAdmin } from './actor.ts';
import { type AppAudit, exportDetails } from './trail.ts';

const short = v.pipe(v.string(), v.maxLength(200));

const StartSchema = v.strictObject({
  filters: v.pipe(v.record(v.pipe(v.string(), v.maxLength(40)), short), v.maxEntries(20)),
  profile_id: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100))), null),
});

const FinishSchema = v.strictObject({
  status: v.picklist(['done', 'cancelled', 'failed'], 'status must be done, cancelled or failed'),
  row_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const refusal = (c: Context, status: 400 | 403 | 404, code: string, message: string) =>
  c.json({ error: { code, message } }, status, { 'cache-control': 'no-store' });

const body = <T extends v.GenericSchema>(schema: T) =>
  vValidator('json', schema, (result, c) =>
    result.success
      ? undefined
      : refusal(
          c,
          400,
          'AUDIT_EXPORT',
          `${v.getDotPath(result.issues[0]) ?? 'body'}: ${result.issues[0].message}`,
        ),
  );

/** The signed-in person when limited to some profiles (a test's stand-in, actor.ts actAs, carries no grant). */
const limitedPerson = (c: Context<GatewayEnv>) => {
  const person = c.get('person');
  return person && Array.isArray(person.profiles) ? person : null;
};

/** The entries `c`'s reader may see: without a signed-in person, the console's one user sees all. */
export function auditVisibilityOf(c: Context<GatewayEnv>, ownAccount: OwnAccount): AuditVisibility {
  const person = limitedPerson(c);
  if (!person) return { profiles: '*', organizationWide: true };
  const own = ownAccount();
  return { profiles: person.profiles, organizationWide: own !== null && mayUseProfile(person, own) };
}

export function gatewayAuditRoutes(audit: AppAudit, ownAccount: OwnAccount): Hono<GatewayEnv> {
  const { trail } = audit;
  const routes = new Hono<GatewayEnv>();

  routes.post('/exports', body(StartSchema), (c) => {
    const { filters, profile_id } = c.req.valid('json');
    // An export is recorded in its profile, so that profile's admins see it: only one the person may use.
    const person = limitedPerson(c);
    if (person && !mayUseProfile(person, profile_id ?? ownAccount()))
      return refusal(c, 403, 'AUDIT_FORBIDDEN', 'That profile is not one of yours.');
    const started = trail.exports.start({
      actor: audit.actor(c),
      profileId: profile_id,
      filters,
      clientAddress: clientAddress(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
    return c.json({ id: started.id }, 201, { 'cache-control': 'no-store' });
  });

  routes.post('/exports/:id/finish', body(FinishSchema), async (c) => {
    const { status, row_count } = c.req.valid('json');
    const pending = trail.exports.finish(c.req.param('id'), audit.actorId(c));
    if (!pending) return refusal(c, 404, 'AUDIT_EXPORT', 'No export of yours with this id is open.');
    const entry = await audit.record(c, {
      action: 'contacts.export',
      outcome: status === 'done' ? 'ok' : 'error',
      profileId: pending.profileId,
      details: exportDetails(pending, status, row_count),
    });
    return c.json({ seq: entry.seq }, 201, { 'cache-control': 'no-store' });
  });

  routes.use('*', async (c, next) => {
    c.set('auditVisible', auditVisibilityOf(c, ownAccount));
    if (isAuditAdmin(c)) return next();
    return refusal(c, 403, 'AUDIT_FORBIDDEN', 'Only admins may read the audit trail.');
  });
  // The query routes are a plain Hono app; mounted here they run in this request's context.
  routes.route('/', trail.service.routes as unknown as Hono<GatewayEnv>);
  return routes;
}
