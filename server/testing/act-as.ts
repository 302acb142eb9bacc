// A stand-in for sign-in: every request is this person's, set as `person` the way the identity middleware sets
// it (compose.ts's `extend.afterSignIn`). For gateways whose tests and screenshots need a role without a
// provider: the audit trail, /__me and the team's queues then name this person.
import type { MiddlewareHandler } from 'hono';
import type { AuditPerson } from '../gateway/audit/types.ts';
import type { GatewayEnv } from '../gateway/env.ts';

export function actAs(person: AuditPerson): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    // `person` is typed as the identity's Person; the audit reads it loosely (audit/actor.ts).
    // A stand-in person may use every profile, as the identity's Person says ('*'), unless it names its own.
    (c as unknown as { set(key: string, value: unknown): void }).set('person', {
      email: null,
      profiles: '*',
      ...person,
    });
    await next();
  };
}
