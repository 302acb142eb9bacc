// The only module that talks HTTP. No React here: the query layer calls these functions and passes its
// AbortSignal through, so superseded requests are really cancelled on the wire.
import type { ErrorDetail } from '@sentdm/sentdm/resources/webhooks';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | null;
  details?: Record<string, string[]> | null;
  retryAfter?: number | null;
}

/** Every failure (HTTP error, malformed body, network) surfaces as this one type. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: Record<string, string[]> | null;
  /** Seconds to wait before retrying (from Retry-After on 429), when the server said so. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }

  /** 401/403: the key is missing, wrong or not allowed; retrying cannot help. */
  get isAuth(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export interface RateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds or seconds until reset, as the server sends it. */
  reset: number;
}

let lastRateLimit: RateLimit | null = null;
const rateLimitListeners = new Set<() => void>();

/** Latest X-RateLimit-* figures seen on any response (for the footer and for tests). */
export function getRateLimit(): RateLimit | null {
  return lastRateLimit;
}

export function subscribeRateLimit(listener: () => void): () => void {
  rateLimitListeners.add(listener);
  return () => rateLimitListeners.delete(listener);
}

function recordRateLimit(headers: Headers): void {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  if (!headers.has('x-ratelimit-limit') || !Number.isFinite(limit) || !Number.isFinite(remaining)) return;
  lastRateLimit = { limit, remaining, reset: Number(headers.get('x-ratelimit-reset')) || 0 };
  for (const listener of rateLimitListeners) listener();
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

const statusText: Record<number, [string, string]> = {
  401: ['AUTH_001', 'The API key is missing or not valid.'],
  403: ['AUTH_002', 'This API key is not allowed to access this resource.'],
  404: ['RESOURCE_001', 'Not found.'],
  429: ['BUSINESS_002', 'Too many requests. Please wait a moment.'],
};

interface Envelope<T> {
  success?: boolean;
  data?: T | null;
  error?: ErrorDetail | null;
  meta?: { request_id?: string };
}

export interface RequestOptions {
  /** Organization keys only: scope the request to this child profile. */
  profileId?: string | null;
  signal?: AbortSignal;
  query?: Record<string, string | number | null | undefined>;
  /** Legacy v1 answers with a bare body, not the {success, data, error, meta} envelope. */
  bare?: boolean;
}

/** Builds a same-origin path with the non-empty query parameters, in a stable order. */
export function buildPath(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export type Transport = (url: string, init: RequestInit) => Promise<Response>;

let transport: Transport = (url, init) => fetch(url, init);

/**
 * Server rendering (src/entry-server.tsx) sends the console's requests through the gateway in-process,
 * with the server-side key, instead of over HTTP; the browser always uses fetch.
 */
export function setTransport(next: Transport): void {
  transport = next;
}

/** GET a v3 (or v1) endpoint and return the envelope's `data`, or throw an ApiError. */
export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('GET', path, options);
}

export interface SendOptions extends RequestOptions {
  body?: unknown;
  /** Mutations carry one per user action, so a retried request can never apply twice. */
  idempotencyKey?: string;
}

/** Any method; the body is sent as JSON. Same envelope and error handling as apiGet. */
export async function apiRequest<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.profileId) headers['x-profile-id'] = options.profileId;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);

  const url = buildPath(path, options.query);
  let response: Response;
  try {
    response = await transport(url, { method, headers, body: payload, signal: options.signal });
  } catch (error) {
    // Aborts must stay aborts so React Query treats them as cancellations, not failures.
    if (options.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: 'Could not reach the server. Check your connection.',
    });
  }
  recordRateLimit(response.headers);

  const requestId = response.headers.get('x-request-id');
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  // The real API answers 401/403 with an empty body, so never assume JSON is there.
  const text = await response.text();
  let body: Envelope<T> | null = null;
  if (text) {
    try {
      body = JSON.parse(text) as Envelope<T>;
    } catch {
      body = null;
    }
  }

  if (!response.ok || !body || body.success === false) {
    const fallback = statusText[response.status] ?? [
      response.status >= 500 ? 'INTERNAL_001' : 'HTTP_ERROR',
      response.ok ? 'The server sent an unreadable response.' : `Request failed (HTTP ${response.status}).`,
    ];
    throw new ApiError({
      status: response.ok ? 502 : response.status,
      code: body?.error?.code ?? fallback[0],
      message: body?.error?.message ?? fallback[1],
      requestId: body?.meta?.request_id ?? requestId,
      details: body?.error?.details ?? null,
      retryAfter,
    });
  }
  return (options.bare ? body : body.data) as T;
}
