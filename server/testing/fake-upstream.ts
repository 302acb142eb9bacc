// A counting fake of the Sent API for the team tests: answers every request in-process with an envelope
// naming the path, the upstream's rate-limit headers, and lets a test hold answers back or script statuses.
import type { Upstream } from '../gateway/upstream.ts';

export interface FakeUpstream extends Upstream {
  calls: { method: string; path: string; profile: string | null }[];
  /** Next answers' statuses and extra headers, consumed in order (then 200). */
  script: { status: number; headers?: Record<string, string> }[];
  /** When set, answers wait until release() is called. */
  hold: boolean;
  release(): void;
}

export function fakeUpstream(apiKey = 'sk_test_team'): FakeUpstream {
  let waiting: (() => void)[] = [];
  const up: FakeUpstream = {
    kind: 'remote',
    baseUrl: 'http://fake-sent.invalid',
    apiKey,
    calls: [],
    script: [],
    hold: false,
    release() {
      const w = waiting;
      waiting = [];
      for (const go of w) go();
    },
    async fetch(req) {
      const url = new URL(req.url);
      up.calls.push({
        method: req.method,
        path: url.pathname + url.search,
        profile: req.headers.get('x-profile-id'),
      });
      const n = up.calls.length;
      const next = up.script.shift() ?? { status: 200 };
      if (up.hold) await new Promise<void>((resolve) => waiting.push(resolve));
      const body = { success: next.status < 400, data: { path: url.pathname, n }, error: null, meta: {} };
      return new Response(JSON.stringify(body), {
        status: next.status,
        headers: {
          'content-type': 'application/json',
          'x-request-id': `req_up_${n}`,
          'x-ratelimit-limit': '200',
          'x-ratelimit-remaining': '45',
          ...next.headers,
        },
      });
    },
    close: async () => {},
  };
  return up;
}
