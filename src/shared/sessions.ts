// Who is signed in, as the gateway tells an admin (GET /__sessions) and the form that signs a person out
// (POST /__sessions/sign-out, field `id`). Neutral code: server/gateway/sessions/routes.ts and the console's
// Signed-in screen (src/features/sessions) share it.

export const SESSIONS_PATH = '/__sessions';
export const SESSIONS_SIGN_OUT_PATH = '/__sessions/sign-out';
/** The console's screen for it (reached from Activity). */
export const SIGNED_IN_PAGE = '/activity/signed-in';
/** Set on the screen's address after a sign-out without JavaScript: whose sessions ended. */
export const SIGNED_OUT_PARAM = 'signed_out';

/** How people get in; with 'none' nobody signs in, so there are no sessions to list. */
export type SignInMethod = 'none' | 'access-secret' | 'oidc';

export interface SignedInSession {
  /** The session's public id (not its cookie): what the sign-out form sends. */
  id: string;
  /** The person (OIDC), or "Access-secret holder". */
  name: string;
  email: string | null;
  role: string | null;
  /** ISO-8601 UTC. */
  started_at: string;
  seen_at: string;
  address: string;
  user_agent: string | null;
  /** The session of the request that asked. */
  current: boolean;
}

export interface SessionsList {
  method: SignInMethod;
  sessions: SignedInSession[];
}

/** POST /__sessions/sign-out's answer (JSON callers; a form gets a redirect back to the screen). */
export interface SignOutResult {
  name: string;
  /** How many sessions ended: every session of the person (OIDC), or the one (access secret). */
  ended: number;
}
