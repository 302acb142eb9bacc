// Which account the upstream key itself belongs to: the scope of a request sent without x-profile-id. A person
// limited to some profiles may use that scope only when it is one of them (a profile key); learnt from
// GET /v3/me, which always describes the key's own account.
import type { Upstream } from '../upstream.ts';
import type { OwnAccount } from './enforce.ts';

export interface OwnAccountSource {
  /** The id once known; null before (or when /v3/me failed): only people with every profile pass then. */
  get: OwnAccount;
  /** Asks the upstream (again); resolves to the id or null, never throws. */
  refresh(): Promise<string | null>;
}

export function ownAccountOf(upstream: Pick<Upstream, 'baseUrl' | 'apiKey' | 'fetch'>): OwnAccountSource {
  let id: string | null = null;
  return {
    get: () => id,
    async refresh() {
      try {
        const res = await upstream.fetch(
          new Request(`${upstream.baseUrl}/v3/me`, {
            headers: { 'x-api-key': upstream.apiKey, accept: 'application/json' },
          }),
        );
        const body = (await res.json()) as { data?: { id?: unknown } };
        if (res.ok && typeof body.data?.id === 'string') id = body.data.id.toLowerCase();
      } catch {
        // Unreachable or not JSON: keep what we had; the caller may try again later.
      }
      return id;
    },
  };
}
