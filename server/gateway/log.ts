// One log line per request: request id, method, path, status, duration. Never the API key or access secret,
// never a full phone number (query values are masked; digit runs in paths too, except inside UUIDs).
import { isUuid } from '../../src/shared/contract.ts';

export type LogSink = (line: string) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

const SENSITIVE_PARAMS = new Set(['phone', 'phone_number', 'phonenumber', 'search', 'q', 'to', 'from']);

/** Keeps a leading '+' and the last two digits: "+447700900123" → "+**********23". */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0) return value;
  const keep = digits.length > 4 ? digits.slice(-2) : '';
  return `${value.trim().startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - keep.length)}${keep}`;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const LONG_DIGITS = /\d{7,}/g;

export function maskPathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const maskedPath = path
    .split('/')
    .map((seg) => (isUuid(seg) ? seg : seg.replace(LONG_DIGITS, (d) => maskDigits(d))))
    .join('/');
  if (q === -1) return maskedPath;
  const params = pathAndQuery
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const key = decode(pair.slice(0, eq)).toLowerCase();
      const value = decode(pair.slice(eq + 1));
      const digits = value.replace(/\D/g, '').length;
      return SENSITIVE_PARAMS.has(key) || digits >= 7 ? `${pair.slice(0, eq)}=${maskDigits(value)}` : pair;
    });
  return `${maskedPath}?${params.join('&')}`;
}

export interface RequestLogEntry {
  requestId: string;
  method: string;
  pathAndQuery: string;
  status: number;
  durationMs: number;
  error?: string;
  cause?: string;
  /** API calls through the team: whether its cache answered (kept out of the browser's headers). */
  cache?: string;
  /** For page navigations: `server` (server-rendered) or `shell:<reason>` (see ssr.ts ShellReason). */
  render?: string;
}

/** Formats a logfmt line; `secrets` are scrubbed from the final text as a last line of defence. */
export function formatLogLine(entry: RequestLogEntry, secrets: readonly string[]): string {
  const path = maskPathAndQuery(entry.pathAndQuery).slice(0, 300);
  let line =
    `time=${new Date().toISOString()} request_id=${entry.requestId} method=${entry.method} ` +
    `path=${JSON.stringify(path)} status=${entry.status} duration_ms=${entry.durationMs.toFixed(1)}`;
  if (entry.error) line += ` error=${entry.error}`;
  if (entry.cause) line += ` cause=${entry.cause}`;
  if (entry.cache) line += ` cache=${entry.cache}`;
  if (entry.render) line += ` render=${entry.render}`;
  for (const secret of secrets) if (secret) line = line.split(secret).join('[redacted]');
  return line;
}
