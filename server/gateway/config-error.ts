// The two pieces every settings parser shares (the gateway's, the identity's, the team's), in their own file so
// config.ts can use the identity parser without an import cycle.

/** A configuration the gateway refuses to start with; the message says why and what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
