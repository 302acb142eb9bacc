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

export { describeError, type ErrorDescription, isDenied } from '../shared/failure';
