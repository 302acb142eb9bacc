import { bodyLimit } from 'hono/body-limit';
import { GatewayErrors, refuse } from '../errors.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads at most MAX_BODY_BYTES, stopping early: a chunked upload of any size cannot fill memory. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => refuse(c, GatewayErrors.BODY_TOO_LARGE, `Request body exceeds ${MAX_BODY_BYTES} bytes.`),
});
