// Errors the gateway produces itself, in the Sent envelope so the console shows them like any API error.
// Codes are the gateway's own (GATEWAY_*), never a Sent code, so support can tell where a failure happened.
import type { Context } from 'hono';
import { type EnvelopeVersion, errorEnvelopeResponse } from '../envelope.ts';
import type { GatewayEnv } from './env.ts';

export const GatewayErrors = {
  UPSTREAM_UNREACHABLE: { code: 'GATEWAY_001', status: 502 },
  UPSTREAM_TIMEOUT: { code: 'GATEWAY_002', status: 504 },
  ROUTE_NOT_FOUND: { code: 'GATEWAY_003', status: 404 },
  METHOD_NOT_ALLOWED: { code: 'GATEWAY_004', status: 405 },
  ACCESS_REQUIRED: { code: 'GATEWAY_005', status: 401 },
  BODY_TOO_LARGE: { code: 'GATEWAY_006', status: 413 },
  FORBIDDEN: { code: 'GATEWAY_007', status: 403 },
  TOO_MANY_ATTEMPTS: { code: 'GATEWAY_008', status: 429 },
  /** Signed in, but the role does not allow this (e.g. a viewer's PATCH). */
  ROLE_FORBIDDEN: { code: 'GATEWAY_009', status: 403 },
  /** Signed in, but not for this profile (x-profile-id, ?profile=, or the account's own scope). */
  PROFILE_FORBIDDEN: { code: 'GATEWAY_010', status: 403 },
  /** The team's share of the account's API budget would not free up within the wait bound. */
  BUDGET_EXHAUSTED: { code: 'GATEWAY_011', status: 429 },
  /** Background work (prefetch, export page) set aside while people wait for the budget. */
  BACKGROUND_SHED: { code: 'GATEWAY_012', status: 429 },
  /** The audit trail could not store the entry, so the answer is not sent (server/audit). */
  AUDIT_UNAVAILABLE: { code: 'GATEWAY_013', status: 503 },
  /** A request to one of the gateway's own routes (imports) that does not hold; the message names the field. */
  INVALID_REQUEST: { code: 'GATEWAY_014', status: 400 },
  /** No such resource of the gateway's own (an import job). */
  NOT_FOUND: { code: 'GATEWAY_015', status: 404 },
  /** Not possible in the resource's current state (pausing a finished import). */
  CONFLICT: { code: 'GATEWAY_016', status: 409 },
  /** A role without export has read its limit of distinct contacts this hour (READ_LIMIT_PER_HOUR). */
  READ_LIMIT: { code: 'GATEWAY_017', status: 429 },
  /** The session store (Redis) cannot be reached: no session can be checked, so none is trusted. */
  SESSIONS_UNAVAILABLE: { code: 'GATEWAY_018', status: 503 },
} as const;

export type GatewayError = (typeof GatewayErrors)[keyof typeof GatewayErrors];

/** meta.version of gateway-made errors, after the API family the request was for. */
export function apiVersionOf(pathname: string): EnvelopeVersion {
  return pathname.startsWith('/v1') ? 'v1' : 'v3';
}

export function errorResponse(
  err: GatewayError,
  message: string,
  requestId: string,
  pathname: string,
  headers: Record<string, string> = {},
): Response {
  return errorEnvelopeResponse(
    err.status,
    { code: err.code, message, details: null, docUrl: null },
    requestId,
    apiVersionOf(pathname),
    { 'cache-control': 'no-store', 'x-request-id': requestId, ...headers },
  );
}

/** The gateway's answer to this request, with its code noted for the request log. */
export function refuse(
  c: Context<GatewayEnv>,
  err: GatewayError,
  message: string,
  headers: Record<string, string> = {},
): Response {
  c.set('error', err.code);
  return errorResponse(err, message, c.get('requestId'), c.req.path, headers);
}
