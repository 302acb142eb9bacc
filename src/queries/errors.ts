// What screens may ask about a failure, without knowing the HTTP layer's error type.
import { ApiError } from '../api/errors';

export type { ApiError };

/** 401/403: a problem with the key, shown as its own screen; null for anything else. */
export function authErrorOf(error: unknown): ApiError | null {
  return error instanceof ApiError && error.isAuth ? error : null;
}

/** 404 RESOURCE_001 (or any 404): the thing asked for does not exist for this profile. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A failure as plain facts for an error panel or toast (code, HTTP status, request id, Retry-After). */
export interface ErrorDescription {
  message: string;
  code: string;
  /** 0 for a network failure. */
  status: number;
  requestId: string | null;
  retryAfter: number | null;
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    const { message, code, status, requestId, retryAfter } = error;
    return { message, code, status, requestId, retryAfter };
  }
  return {
    message: error instanceof Error ? error.message : 'Something went wrong.',
    code: 'UNKNOWN',
    status: 0,
    requestId: null,
    retryAfter: null,
  };
}
