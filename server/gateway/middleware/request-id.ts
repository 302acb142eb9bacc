import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { requestIdGenerator } from '../../request-id.ts';
import type { GatewayEnv } from '../env.ts';

export const newGatewayRequestId = requestIdGenerator('req_gw_');

/** A fresh id per request; a browser's own X-Request-Id is not taken over (headerName ''). */
export const assignRequestId = requestId({ headerName: '', generator: newGatewayRequestId });

/** The upstream's id (when there is one) is what support can look up; otherwise the gateway's own. */
export const requestIdHeader: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', c.get('requestId'));
};
