// Who is signed in (the gateway's GET /__sessions, admins) and signing a person out (POST /__sessions/sign-out).
import {
  SESSIONS_PATH,
  SESSIONS_SIGN_OUT_PATH,
  type SessionsList,
  type SignedInSession,
  type SignOutResult,
} from '../shared/sessions';
import { apiGet, apiRequest } from './client';

export type { SessionsList, SignedInSession, SignOutResult };

export function listSessions(signal?: AbortSignal): Promise<SessionsList> {
  return apiGet<SessionsList>(SESSIONS_PATH, { signal });
}

/** Ends every session of that person (OIDC), or that one access-secret session; the gateway records it. */
export function signOutSession(id: string): Promise<SignOutResult> {
  return apiRequest<SignOutResult>('POST', SESSIONS_SIGN_OUT_PATH, { body: { id } });
}
