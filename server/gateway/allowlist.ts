// The only API routes the browser may reach through the gateway. Everything else under /v1 and /v3 is answered
// here (404/405) and never reaches the upstream. Adding and removing contacts (POST, DELETE) are forwarded
// only for roles that may manage contacts (identity/authorize.ts) and are recorded (audit/api-views.ts). Contact imports send their rows
// through these routes too.

interface Route {
  pattern: RegExp;
  methods: readonly string[];
}

// Ids are restricted to URL-safe characters: no '%', '.', or '/' can smuggle another upstream path in.
const ID = '[A-Za-z0-9_-]{1,128}';
// A number as one path segment (E.164, national digits, a tel: URI) in its canonical spelling (canonical-path.ts
// answers every other spelling first): never a '/' nor a dot segment (it must hold a digit).
const PHONE = '(?=[^/]*\\d)[0-9A-Za-z+().;=:,_~-]{1,64}';
/** GET /v3/numbers/lookup/{phone_number}: what a number is (line type, carrier), issue 21. */
export const NUMBER_LOOKUP = new RegExp(`^/v3/numbers/lookup/(${PHONE})$`);

const ROUTES: readonly Route[] = [
  { pattern: /^\/v3\/contacts$/, methods: ['GET', 'POST'] },
  { pattern: new RegExp(`^/v3/contacts/${ID}$`), methods: ['GET', 'PATCH', 'DELETE'] },
  { pattern: /^\/v3\/profiles$/, methods: ['GET'] },
  { pattern: new RegExp(`^/v3/profiles/${ID}$`), methods: ['GET'] },
  { pattern: /^\/v3\/me$/, methods: ['GET'] },
  { pattern: NUMBER_LOOKUP, methods: ['GET'] },
  { pattern: /^\/v1\/contacts$/, methods: ['GET'] },
];

export type RouteDecision =
  | { ok: true }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'method'; allow: readonly string[] };

/** `pathname` must be the raw (still percent-encoded) path of the request. */
export function checkRoute(method: string, pathname: string): RouteDecision {
  const route = ROUTES.find((r) => r.pattern.test(pathname));
  if (!route) return { ok: false, reason: 'not_found' };
  if (!route.methods.includes(method)) return { ok: false, reason: 'method', allow: route.methods };
  return { ok: true };
}
