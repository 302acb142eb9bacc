// Who is asking and how urgently, from the incoming browser request. Until staff sign in, a person is a
// browser session: an HttpOnly cookie the gateway sets on first sight. The browser marks its background work
// (prefetch, export pages, imports) with `x-sent-priority: background`; everything else is a person waiting.
import { randomBytes } from 'node:crypto';
import { parse } from 'hono/utils/cookie';
import type { Priority } from './scheduler.ts';

/**
 * Any browser, signed in or not: whose requests the team budget counts. Not the staff sign-in
 * (STAFF_SESSION_COOKIE); named apart from it and any identity provider's (cookies ignore ports on 127.0.0.1).
 */
export const BROWSER_SESSION_COOKIE = 'sent_console_sid';
export const PRIORITY_HEADER = 'x-sent-priority';

const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

export interface TeamContext {
  requester: string;
  priority: Priority;
  /** A session id to set as the cookie when the browser had none yet. */
  newSession: string | null;
}

/**
 * `clientAddress` queues a browser that has no session cookie yet (or a script that keeps none) with the
 * others from its address, so dropping the cookie cannot buy a queue of one's own per request.
 */
export function teamContextOf(req: Request, clientAddress: string, userId?: string | null): TeamContext {
  const priority: Priority = req.headers.get(PRIORITY_HEADER) === 'background' ? 'background' : 'interactive';
  if (userId) return { requester: `user:${userId}`, priority, newSession: null };
  const sid = parse(req.headers.get('cookie') ?? '', BROWSER_SESSION_COOKIE)[BROWSER_SESSION_COOKIE];
  if (sid && SESSION_ID.test(sid)) return { requester: `session:${sid}`, priority, newSession: null };
  return {
    requester: `address:${clientAddress}`,
    priority,
    newSession: randomBytes(16).toString('base64url'),
  };
}
