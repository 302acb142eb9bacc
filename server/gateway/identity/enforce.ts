// Applies authorize.ts to live requests: API calls get a 403 envelope or go on (with /v3/profiles and /v3/me
// answered filtered, and numbers masked for roles that may not see them), page navigations outside the
// person's profiles are redirected into them.
import type { MiddlewareHandler } from 'hono';
import { AUDIT_EXPORTS_PATH, EXPORT_HEADER } from '../../../src/shared/audit.ts';
import { ME_PATH } from '../../../src/shared/person.ts';
import { successEnvelope } from '../../envelope.ts';
import { apiVersionOf, errorResponse, GatewayErrors } from '../errors.ts';
import { newGatewayRequestId as newRequestId } from '../middleware/request-id.ts';
import { isApiPath } from '../proxy.ts';
import { isPageRequest } from '../ssr.ts';
import { authorizeApi, authorizePage, filterProfiles } from './authorize.ts';
import { maskResponse } from './mask-numbers.ts';
import { meData, type Person } from './person.ts';
import { permissions } from './policy.ts';
import type { IdentityEnv } from './routes.ts';

/** The upstream key's own account id (the scope without x-profile-id), once known; null until then. */
export type OwnAccount = () => string | null;

/** The refusal for this API request (and its code, for the log), or null when it may go on. */
export function refusal(
  person: Person,
  req: Request,
  ownAccount: OwnAccount,
  requestId: string,
): { code: string; response: Response } | null {
  const { pathname } = new URL(req.url);
  const decision = authorizeApi(person, req, ownAccount());
  if (decision.ok) return null;
  const response = errorResponse(decision.error, decision.message, requestId, apiVersionOf(pathname));
  return { code: decision.error.code, response };
}

/** An API answer as this person may see it: only their profiles listed, numbers masked unless their role sees them. */
export async function answerFor(person: Person, pathname: string, res: Response): Promise<Response> {
  const listed = await filterProfiles(person, pathname, res);
  return permissions(person.role).seeNumbers ? listed : maskResponse(listed);
}

/** After `requirePerson`: enforcement for the browser's own requests. */
export function enforceAccess(ownAccount: OwnAccount): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const person = c.get('person');
    if (!person) throw new Error('enforceAccess runs after requirePerson');
    const url = new URL(c.req.url);
    // An export announces itself and marks its pages: only roles that may export.
    const exporting = url.pathname === AUDIT_EXPORTS_PATH || c.req.header(EXPORT_HEADER) !== undefined;
    if (exporting && !permissions(person.role).export) {
      c.set('error', GatewayErrors.ROLE_FORBIDDEN.code);
      return errorResponse(
        GatewayErrors.ROLE_FORBIDDEN,
        `Exporting contacts is not part of the ${person.role} role.`,
        c.get('requestId') ?? newRequestId(),
        apiVersionOf(url.pathname),
      );
    }
    if (isApiPath(url.pathname)) {
      const refused = refusal(person, c.req.raw, ownAccount, c.get('requestId') ?? newRequestId());
      if (refused) {
        c.set('error', refused.code);
        return refused.response;
      }
      await next();
      c.res = await answerFor(person, url.pathname, c.res);
      return;
    }
    if (isPageRequest(c.req.raw)) {
      const page = authorizePage(person, url, ownAccount());
      if (!page.ok) return c.redirect(page.redirect, 303);
    }
    await next();
  };
}

/**
 * The same rules for requests the gateway makes on a person's behalf (server rendering's data), which do not
 * pass through the middleware.
 */
export function guardApi(
  person: Person,
  ownAccount: OwnAccount,
  api: (req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const refused = refusal(person, req, ownAccount, newRequestId());
    if (refused) return refused.response;
    return answerFor(person, new URL(req.url).pathname, await api(req));
  };
}

/**
 * Server rendering's requests, made for the person whose page it is: GET /__me answered here, the API through
 * guardApi (their role, their profiles, their masking). Without staff sign-in (no person) the API as it is.
 */
export function renderApiFor(api: (req: Request) => Promise<Response>, ownAccount: OwnAccount | null) {
  return async (req: Request, person: Person | undefined): Promise<Response> => {
    if (new URL(req.url).pathname === ME_PATH)
      return Response.json(successEnvelope(meData(person), newRequestId()), {
        headers: { 'cache-control': 'no-store' },
      });
    return person && ownAccount ? guardApi(person, ownAccount, api)(req) : api(req);
  };
}
