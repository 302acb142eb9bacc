// GET has side effects here: a lookup, a contact opened, an export downloaded are audit entries in the name of
// whoever's browser asked. Another site must not be able to make a person's browser do that (a link, an image,
// a no-cors fetch; the OIDC session cookie is SameSite=Lax, the loopback mode has no cookie at all), so reads
// another site sends (Sec-Fetch-Site cross-site or same-site) are held here, before sign-in:
//   API calls and the gateway's own /__ routes (except the sign-in form)  → 403 GATEWAY_007
//   a console page whose first screen records a view (a deep link to a contact, ?phone=, a digit search)
//                                                                        → a page asking to continue: the
//     click is a same-origin navigation, which then goes on as usual
//   anything else (other pages, built files, sign-in)                   → on
// Requests without Sec-Fetch-Site (scripts, old browsers) go on: scripts need the access secret or a session.

import type { MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { isApiPath } from '../proxy.ts';
import { ACCESS_SIGN_IN_PATH } from '../routes/sign-in.ts';
import { isPageRequest } from '../ssr.ts';

/** Sent by a page of another origin (a sibling subdomain is another origin too). */
export function isForeignRequest(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}

/**
 * Whether the console's first screen for `url` records a view (src/App.tsx routes, src/url-state/listParams.ts):
 * a contact's deep link (`/contacts/:id`), a lookup (`?phone=`), a search by digits (one match is a lookup).
 */
export function recordsOnView(url: URL): boolean {
  const search = url.searchParams.get('search') ?? '';
  return (
    url.pathname.startsWith('/contacts/') ||
    Boolean(url.searchParams.get('phone')?.trim()) ||
    /\d/.test(search)
  );
}

async function continuePage(target: string): Promise<Response> {
  const doc = await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Open this in the Sent console? · Sent console</title><link rel="icon" href="data:,"></head>
<body><main><h1>Open this in the Sent console?</h1>
<p>You came here from another site (a link, or your sign-in provider) to a page that looks up a number or
opens a contact. That is recorded in the audit trail in your name.</p>
<p>Continue only if you meant to open it.</p>
<p><a href="${target}">Continue</a> · <a href="/">Go to the contacts instead</a></p></main></body></html>`;
  return new Response(doc.toString(), {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const holdCrossSiteReads: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  if (!isForeignRequest(c.req.raw)) return next();
  const url = new URL(c.req.url);
  const path = url.pathname;
  if (isApiPath(path) || (path.startsWith('/__') && path !== ACCESS_SIGN_IN_PATH)) {
    return refuse(c, GatewayErrors.FORBIDDEN, 'Cross-site requests are not allowed.');
  }
  if (isPageRequest(c.req.raw) && recordsOnView(url)) {
    c.set('error', 'cross_site_view');
    return continuePage(path + url.search);
  }
  return next();
};
