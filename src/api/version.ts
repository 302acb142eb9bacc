// Which Sent API the server-side key speaks. The server marks legacy v1 accounts in index.html
// (server/gateway/html.ts); reading it is synchronous, so v3 start-up waits for nothing.
export const isV1 =
  typeof document !== 'undefined' &&
  document.querySelector('meta[name="sent-api-version"]')?.getAttribute('content') === 'v1';
