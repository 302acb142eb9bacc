// Helpers for the worker and lease tests, over one harness (test-gateway.ts).
import type { AuditAction } from '../../src/shared/audit.ts';
import { type ImportJob, ROW_STATES } from '../../src/shared/imports.ts';
import { DEMO_ORG_KEY } from '../gateway/config.ts';
import type { ApiCall } from '../imports/host.ts';
import type { Envelope, Harness } from './imports-harness.ts';

let next = 300;

/** The request with a test control header (the gateway forwards them in tests; the API obeys). */
export function withHeader(req: Request, name: string, value: string): Request {
  const headers = new Headers(req.headers);
  headers.set(name, value);
  return new Request(req, { headers });
}

export function toolsFor(h: Harness) {
  return {
    /** Numbers no profile has yet. */
    fresh: (n: number) => Array.from({ length: n }, () => `+447400000${String(next++).padStart(3, '0')}`),

    /** The gateway's API calls, watched: `each` sees every request first and may change or hold it. */
    watched(each: (req: Request, n: number) => Promise<Request> | Request = (r) => r) {
      const seen: { method: string; phone: string | null; key: string | null }[] = [];
      const call: ApiCall = async (req, requester) => {
        const body = req.method === 'POST' ? ((await req.clone().json()) as { phone_number: string }) : null;
        seen.push({
          method: req.method,
          phone: body?.phone_number ?? null,
          key: req.headers.get('idempotency-key'),
        });
        return h.calls(await each(req, seen.length), requester);
      };
      return { call, seen };
    },

    async jobOf(id: string): Promise<ImportJob> {
      return ((await (await h.send(`/__imports/${id}`)).json()) as Envelope<ImportJob>).data;
    },

    rowsOf: (id: string) => h.store.rows(id, ROW_STATES, 0, 100),

    /** A number the profile already has. */
    async existingNumber(profile: string): Promise<string> {
      const url = 'http://api.invalid/v3/contacts?page=1&page_size=1';
      const headers = { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': profile };
      const res = await h.api.fetch(new Request(url, { headers }));
      const body = (await res.json()) as Envelope<{ contacts: { format_e164: string }[] }>;
      return body.data.contacts[0]?.format_e164 ?? '';
    },

    /** This import's audit entries of one action, oldest first. */
    async entriesOf(importId: string, action: AuditAction) {
      const page = await h.trail.audit.service.store.query({ actions: [action] }, { pageSize: 500 });
      return page.entries.filter((e) => e.details.import_id === importId).reverse();
    },
  };
}
