// The only module that talks HTTP. No React here: the query layer calls these functions and passes its
// AbortSignal through, so superseded requests are really cancelled on the wire. Errors are ./errors,
// the rate-limit figures ./rateLimit; the legacy v1 bare body is read by ./v1 itself.

import type { Transport } from '../shared/render';
import { ApiError, type ErrorBody, errorFromResponse } from './errors';
import { recordRateLimit } from './rateLimit';

/** The child profile a request acts for (sent as x-profile-id); null = the key's own account. */
export type ProfileId = string | null;

/** A call made for one profile (null = the key's own account), cancellable by the query's signal. */
export interface ProfileRequest {
  profileId: ProfileId;
  signal?: AbortSignal;
  /** Extra request headers (a contact export's id, for the audit trail). */
  headers?: Record<string, string>;
  /** Nobody is waiting for it (a prefetch, an export page): the gateway serves people first. */
  background?: boolean;
}

export interface RequestOptions {
  /** Organization keys only: the child profile the request acts for. */
  profileId?: ProfileId;
  signal?: AbortSignal;
  /** Sent as `x-sent-priority: background`: the gateway may defer it, or set it aside (GATEWAY_012). */
  background?: boolean;
  query?: Record<string, string | number | null | undefined>;
  headers?: Record<string, string>;
}

export interface SendOptions extends RequestOptions {
  body?: unknown;
  /** Mutations carry one per user action, so a retried request can never apply twice. */
  idempotencyKey?: string;
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

export type { Transport };

let transport: Transport = (url, init) => fetch(url, init);

/**
 * Server rendering (src/entry-server.tsx) sends the console's requests through the gateway in-process,
 * with the server-side key, instead of over HTTP; the browser always uses fetch.
 */
export function setTransport(next: Transport): void {
  transport = next;
}

/** A response and its JSON body (null when empty or not JSON: the real API answers 401/403 with nothing). */
export interface RawResponse {
  response: Response;
  body: unknown;
}

/** Sends one request; only a network failure throws here (as an ApiError), every answer is returned. */
export async function sendRequest(
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.profileId) headers['x-profile-id'] = options.profileId;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.background) headers['x-sent-priority'] = 'background';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);

  let response: Response;
  try {
    response = await transport(buildPath(path, options.query), {
      method,
      headers,
      body: payload,
      signal: options.signal,
    });
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
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return { response, body };
}

interface Envelope<T> extends ErrorBody {
  success?: boolean;
  data?: T | null;
}

/** Any method; the body is sent as JSON. Returns the v3 envelope's `data`, or throws an ApiError. */
export async function apiRequest<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
  const { response, body } = await sendRequest(method, path, options);
  const envelope = body as Envelope<T> | null;
  if (!response.ok || !envelope || envelope.success === false) throw errorFromResponse(response, envelope);
  return envelope.data as T;
}

/** GET a v3 endpoint and return the envelope's `data`, or throw an ApiError. */
export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('GET', path, options);
}
