// The JSON <script> in which a server-rendered page hands its query data and preferences to the browser
// (not executable, so the CSP's "no inline script" still holds). The gateway finds it by this id; what it
// holds is the browser's business (src/serverState.ts).

export const SERVER_STATE_ID = 'sent-state';

/** JSON that is safe inside <script>: no "<" at all, so neither "</script>" nor "<!--" can occur. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
