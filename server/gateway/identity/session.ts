// Sessions without a shared store: the signed-in person travels in an encrypted cookie with its start time
// (absolute expiry) and last activity (idle expiry). The clock is injected so expiry is testable.
import * as v from 'valibot';
import type { Person } from './person.ts';
import { ROLES } from './policy.ts';
import { createSealer } from './seal.ts';

export type { Person };

const PersonSchema = v.object({
  sub: v.string(),
  name: v.string(),
  email: v.nullable(v.string()),
  role: v.picklist(ROLES),
  profiles: v.union([v.literal('*'), v.array(v.string())]),
});

const SessionClaims = v.object({ person: PersonSchema, started: v.number(), seen: v.number() });

/** Last activity is written back at most this often, so a busy page does not re-set the cookie per request. */
export const SEEN_GRANULARITY_MS = 60_000;

export type SessionState =
  | { status: 'valid'; person: Person; started: number; seen: number; reissue: boolean }
  | { status: 'expired'; reason: 'idle' | 'absolute' }
  | { status: 'invalid' };

export interface SessionOptions {
  secrets: readonly string[];
  idleMs: number;
  absoluteMs: number;
  now?: () => number;
}

export function createSessions(opts: SessionOptions) {
  const sealer = createSealer(opts.secrets, 'session');
  const now = opts.now ?? Date.now;
  return {
    /** A new session, or the same one with its activity time moved on (`started` kept). */
    issue(person: Person, started = now()): Promise<string> {
      return sealer.seal({ person, started, seen: now() });
    },
    async read(token: string | undefined): Promise<SessionState> {
      if (!token) return { status: 'invalid' };
      const opened = await sealer.open(token);
      const parsed = opened && v.safeParse(SessionClaims, opened.claims);
      if (!opened || !parsed?.success) return { status: 'invalid' };
      const { person, started, seen } = parsed.output;
      const t = now();
      if (t - started >= opts.absoluteMs) return { status: 'expired', reason: 'absolute' };
      if (t - seen >= opts.idleMs) return { status: 'expired', reason: 'idle' };
      const reissue = !opened.current || t - seen >= SEEN_GRANULARITY_MS;
      return { status: 'valid', person, started, seen, reissue };
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

/** What the callback needs to finish a sign-in started in this browser. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Same-site path to return to. */
  next: string;
}

const LoginClaims = v.object({
  state: v.string(),
  nonce: v.string(),
  codeVerifier: v.string(),
  next: v.string(),
  at: v.number(),
});

export const LOGIN_TTL_MS = 10 * 60_000;

export function createLoginTransactions(opts: Pick<SessionOptions, 'secrets' | 'now'>) {
  const sealer = createSealer(opts.secrets, 'login');
  const now = opts.now ?? Date.now;
  return {
    seal: (tx: LoginTransaction) => sealer.seal({ ...tx, at: now() }),
    async open(token: string | undefined): Promise<LoginTransaction | null> {
      const opened = token ? await sealer.open(token) : null;
      const parsed = opened && v.safeParse(LoginClaims, opened.claims);
      if (!parsed?.success || now() - parsed.output.at >= LOGIN_TTL_MS) return null;
      const { at: _at, ...tx } = parsed.output;
      return tx;
    },
  };
}

export type LoginTransactions = ReturnType<typeof createLoginTransactions>;
