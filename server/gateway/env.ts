import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { RecordInput } from '../audit/recorder.ts';
import type { AuditVisibility } from '../audit/store.ts';
import type { GatewayRecord } from './audit/types.ts';
import type { Person } from './identity/person.ts';
import type { RenderOutcome } from './ssr.ts';
import type { Requester } from './upstream.ts';

export type { Person };

/** The gateway's Hono environment; `incoming` is absent when app.fetch is called directly. */
export type GatewayEnv = {
  /** `requester`: server rendering's API calls are made for the page's requester (app.ts). */
  Bindings: Partial<HttpBindings> & { requester?: Requester };
  Variables: {
    requestId: string;
    /** The signed-in person (OIDC mode, after requirePerson); absent without staff sign-in. */
    person?: Person;
    /** POST /__reveal/{contactId} answered: which contact's numbers a person saw unmasked (for the audit trail). */
    revealed?: { contactId: string; profileId: string | null };
    /** Gateway error code, for the request log. */
    error?: string;
    /** Transport failure cause (e.g. ECONNREFUSED), for the request log only. */
    cause?: string;
    /** Whether the team's cache answered (hit, miss, shared, bypass), for the request log only. */
    cache?: string;
    /** An API call's answer body as forwarded (routes/api.ts), read by reads/limit-reads.ts without a clone. */
    forwardedBody?: Uint8Array;
    /** Page navigations: known once the streamed page is complete. */
    render?: RenderOutcome | Promise<RenderOutcome>;
    /** The audit trail, for routes that record (middleware/audit.ts); absent when the audit is off. */
    audit?: AuditHook;
    /** Who the request's API calls are for, and how urgently (middleware/team-context.ts). */
    requester?: Requester;
    /** Which audit entries this reader may see (audit/routes.ts); unset, the trail shows nothing. */
    auditVisible?: AuditVisibility;
    /** The client's address after TRUST_PROXY (middleware/client-address.ts); absent: the socket peer. */
    clientAddress?: string;
    /** The sign-in session this request belongs to (its public id: sessions/sessions.ts), when there is one. */
    session?: string;
  };
};

/** The socket peer: whoever opened the TCP connection (a proxy, when there is one in front). */
export function socketAddress(c: Context<GatewayEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The client: the socket peer, or behind a trusted proxy (TRUST_PROXY) the address it forwarded. Audit
 * entries, the sign-in throttle and the team's queues use it; never a header an untrusted peer sent.
 */
export function clientAddress(c: Context<GatewayEnv>): string {
  return c.get('clientAddress') ?? socketAddress(c);
}

/** What routes may do with the audit trail (audit/trail.ts): store one entry about this request. */
export interface AuditHook {
  record(c: Context<GatewayEnv>, input: GatewayRecord, requestId?: string): Promise<unknown>;
  /** Who an entry about this request names (kept by work that records later, e.g. an import's rows). */
  actor(c: Context<GatewayEnv>): RecordInput['actor'];
}
