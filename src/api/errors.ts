// The one error type of the HTTP layer, and how a failed response becomes one.
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

/** What an error body may carry (the v3 envelope; v1 errors usually have no body at all). */
export interface ErrorBody {
  error?: ErrorDetail | null;
  meta?: { request_id?: string };
}

/**
 * The ApiError for a response that failed (an HTTP error, or a 2xx whose body is missing or says
 * success: false): the body's code and message when it has them, else a readable default per status.
 */
export function errorFromResponse(response: Response, body: ErrorBody | null): ApiError {
  const fallback = statusText[response.status] ?? [
    response.status >= 500 ? 'INTERNAL_001' : 'HTTP_ERROR',
    response.ok ? 'The server sent an unreadable response.' : `Request failed (HTTP ${response.status}).`,
  ];
  return new ApiError({
    status: response.ok ? 502 : response.status,
    code: body?.error?.code ?? fallback[0],
    message: body?.error?.message ?? fallback[1],
    requestId: body?.meta?.request_id ?? response.headers.get('x-request-id'),
    details: body?.error?.details ?? null,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}
