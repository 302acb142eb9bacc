// What the server-side key's API can do. Legacy v1 keys list contacts and nothing more; the screens ask
// this context instead of checking the API version themselves. main.tsx reads the version from the page
// (src/api/version.ts) and App provides it.
import { createContext, useContext } from 'react';
import type { ApiVersion } from '../api/version';

export type { ApiVersion };

export interface ApiCapabilities {
  version: ApiVersion;
  /** Search, channel filter and the exact phone lookup. */
  filters: boolean;
  /** /v3/me and child profiles (the profile switcher). */
  profiles: boolean;
  /** GET one contact by id (deep links to the detail). */
  contactById: boolean;
  /** PATCH opt-out and default channel. */
  edits: boolean;
}

const V3: ApiCapabilities = { version: 'v3', filters: true, profiles: true, contactById: true, edits: true };
const V1: ApiCapabilities = {
  version: 'v1',
  filters: false,
  profiles: false,
  contactById: false,
  edits: false,
};

export function capabilitiesOf(version: ApiVersion): ApiCapabilities {
  return version === 'v1' ? V1 : V3;
}

export const ApiCapabilitiesContext = createContext<ApiCapabilities>(V3);

export function useApiCapabilities(): ApiCapabilities {
  return useContext(ApiCapabilitiesContext);
}
