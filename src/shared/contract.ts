// Facts of the Sent API contract that both the browser and the Node side use. Neutral code: no DOM, no Node,
// no React; the one definition of each constant.

export const CHANNELS = ['sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/** Longest search term the API accepts and the console sends. */
export const MAX_SEARCH = 64;

/** The legacy v1 API or v3. */
export type ApiVersion = 'v1' | 'v3';
/** The <meta> in index.html by which the gateway tells the browser that its key speaks legacy v1. */
export const API_VERSION_META = 'sent-api-version';
