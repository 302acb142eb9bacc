// Browser hardening on every gateway response (hono/secure-headers). No 'unsafe-inline' anywhere: the built
// app loads only same-origin module scripts and stylesheets. HSTS is left to whatever terminates TLS.
import { secureHeaders } from 'hono/secure-headers';

const POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The headers with the console's policy; a route may add its own instance with a different `styleSrc` (the
 * sign-in page hashes its style): headers already set are kept, so the innermost instance wins.
 */
export function securityHeaders(overrides: Partial<typeof POLICY> = {}) {
  return secureHeaders({
    contentSecurityPolicy: { ...POLICY, ...overrides },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    strictTransportSecurity: false,
    overwrite: false,
  });
}
