// Sets who the client is once per request (TRUST_PROXY, see trust-proxy.ts), before anything records,
// throttles or queues by address.
import type { MiddlewareHandler } from 'hono';
import { type GatewayEnv, socketAddress } from '../env.ts';
import { resolveClientAddress, type TrustedProxies } from '../trust-proxy.ts';

export function clientAddressFrom(trusted: TrustedProxies | null): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    c.set('clientAddress', resolveClientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trusted));
    await next();
  };
}
