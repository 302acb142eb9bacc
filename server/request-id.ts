// Request ids for the embedded API and the gateway: a random per-process part plus a counter, unique and far
// cheaper per request than fresh random bytes. Letters and digits only, so an id is one `\w+` word in logs.
import { randomBytes } from 'node:crypto';

export function requestIdGenerator(prefix: string): () => string {
  const processPart = randomBytes(6).toString('hex');
  let counter = 0;
  return () => {
    counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
    return `${prefix}${processPart}${counter.toString(36)}`;
  };
}
