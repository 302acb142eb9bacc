// What every screen shows of a failure (code, HTTP status, message, request id, Retry-After), whatever
// threw it: the API layer's errors carry these fields, anything else is UNKNOWN with its message. Kept
// here, beside neither the HTTP layer nor the components, so both the error panel and screens read it.

export interface ErrorDescription {
  message: string;
  code: string;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  requestId: string | null;
  retryAfter: number | null;
}

type Described = Partial<ErrorDescription> & { code: string; status: number };
const isDescribed = (error: unknown): error is Described =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as Described).code === 'string' &&
  typeof (error as Described).status === 'number';

/** The facts of any failure; a description passes through unchanged. */
export function describeError(error: unknown): ErrorDescription {
  if (isDescribed(error)) {
    return {
      message: error.message ?? 'Something went wrong.',
      code: error.code,
      status: error.status,
      requestId: error.requestId ?? null,
      retryAfter: error.retryAfter ?? null,
    };
  }
  return {
    message: error instanceof Error ? error.message : 'Something went wrong.',
    code: 'UNKNOWN',
    status: 0,
    requestId: null,
    retryAfter: null,
  };
}

/** 401/403: not allowed (a role, a key), so retrying cannot help. */
export const isDenied = (error: unknown): boolean => [401, 403].includes(describeError(error).status);
