// Errors the gateway produces itself, in the Sent envelope so the console shows them like any API error.
// Codes are the gateway's own (GATEWAY_*), never a Sent code, so support can tell where a failure happened.
import { randomBytes } from 'node:crypto';

export const GatewayErrors = {
  UPSTREAM_UNREACHABLE: { code: 'GATEWAY_001', status: 502 },
  UPSTREAM_TIMEOUT: { code: 'GATEWAY_002', status: 504 },
  ROUTE_NOT_FOUND: { code: 'GATEWAY_003', status: 404 },
  METHOD_NOT_ALLOWED: { code: 'GATEWAY_004', status: 405 },
  ACCESS_REQUIRED: { code: 'GATEWAY_005', status: 401 },
  BODY_TOO_LARGE: { code: 'GATEWAY_006', status: 413 },
  FORBIDDEN: { code: 'GATEWAY_007', status: 403 },
  TOO_MANY_ATTEMPTS: { code: 'GATEWAY_008', status: 429 },
  /** The team's share of the account's API budget would not free up within the wait bound. */
  BUDGET_EXHAUSTED: { code: 'GATEWAY_009', status: 429 },
  /** Background work (prefetch, export page) set aside while people wait for the budget. */
  BACKGROUND_SHED: { code: 'GATEWAY_010', status: 429 },
} as const;

export type GatewayError = (typeof GatewayErrors)[keyof typeof GatewayErrors];

/** meta.version of gateway-made errors, after the API family the request was for. */
export function apiVersionOf(pathname: string): 'v1' | 'v3' {
  return pathname.startsWith('/v1') ? 'v1' : 'v3';
}

// A random per-process prefix plus a counter: unique, and far cheaper per request than fresh random bytes.
const ID_PREFIX = randomBytes(6).toString('base64url');
let idCounter = 0;

export function newRequestId(): string {
  idCounter = (idCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `req_gw_${ID_PREFIX}${idCounter.toString(36)}`;
}

export function errorResponse(
  err: GatewayError,
  message: string,
  requestId: string,
  version: string,
  headers: Record<string, string> = {},
): Response {
  const body = {
    success: false,
    data: null,
    error: { code: err.code, message, details: null, doc_url: null },
    meta: { request_id: requestId, timestamp: new Date().toISOString(), version },
  };
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...headers,
    },
  });
}
