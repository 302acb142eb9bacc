// Which Sent API the server-side key speaks. The server marks legacy v1 accounts in index.html
// (server/gateway/html.ts); reading it is synchronous, so v3 start-up waits for nothing.
import { API_VERSION_META, type ApiVersion } from '../shared/contract';

export type { ApiVersion };

export function readApiVersion(doc: Pick<Document, 'querySelector'>): ApiVersion {
  return doc.querySelector(`meta[name="${API_VERSION_META}"]`)?.getAttribute('content') === 'v1'
    ? 'v1'
    : 'v3';
}
