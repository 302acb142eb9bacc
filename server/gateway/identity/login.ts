// The sign-in transaction: what the callback needs to finish a sign-in started in this browser (state, nonce,
// PKCE verifier, where to return), sealed into a short-lived cookie (seal.ts) so no server state is needed
// between the redirect to the provider and its answer. Sessions themselves are server-side (../sessions).
import * as v from 'valibot';
import type { Person } from './person.ts';
import { createSealer } from './seal.ts';

export type { Person };

export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Same-origin path to return to (return-to.ts). */
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

export function createLoginTransactions(opts: { secrets: readonly string[]; now?: () => number }) {
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
