// The few pages of sign-in itself (no access, failed sign-in, signed out). Plain HTML with no inline style or
// script, so the gateway's strict CSP applies unchanged; hono/html escapes every value.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { STAFF_SIGN_IN_PATH, STAFF_SIGN_OUT_PATH } from '../../../src/shared/person.ts';

async function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>, status: number) {
  const doc = await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Sent console</title><link rel="icon" href="data:,"></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(doc.toString(), {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

const signOutForm = html`<form method="post" action="${STAFF_SIGN_OUT_PATH}"><button type="submit">Sign out</button></form>`;

export function noAccessPage(who: string, groups: readonly string[]): Promise<Response> {
  const seen = groups.length ? groups.join(', ') : 'none';
  return page(
    'No access to this console',
    html`<p>You are signed in as <strong>${who}</strong>, but none of your groups gives access to this console.</p>
<p>Groups your sign-in provider sent: ${seen}.</p>
<p>Ask an administrator to add you to a group with access, then sign in again.</p>${signOutForm}`,
    403,
  );
}

export function signInFailedPage(reason: string, next: string): Promise<Response> {
  const retry = `${STAFF_SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
  return page(
    'Sign-in did not complete',
    html`<p>${reason}</p><p><a href="${retry}">Sign in again</a></p>`,
    400,
  );
}

export function signedOutPage(): Promise<Response> {
  return page(
    'Signed out',
    html`<p>You are signed out of the Sent console.</p><p><a href="${STAFF_SIGN_IN_PATH}">Sign in</a></p>`,
    200,
  );
}
