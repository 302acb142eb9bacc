import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { requestIdGenerator } from '../../request-id.ts';
import type { AppEnv } from '../app-env.ts';

/** A fresh id per request; a caller's own X-Request-Id is not taken over (headerName ''). */
export const assignRequestId = requestId({ headerName: '', generator: requestIdGenerator('req_') });

/** Set after the handler, so error answers carry it too. */
export const requestIdHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('X-Request-Id', c.get('requestId'));
};
