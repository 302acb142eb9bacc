/**
 * Sent's published error catalog (docs.sent.dm/reference/api/errors): stable codes, one HTTP status each.
 * NOT_FOUND is ours, for routes that do not exist at all (the catalog only names missing resources).
 */
export const ERROR_STATUS = {
  AUTH_001: 401,
  AUTH_002: 401,
  AUTH_004: 403,
  VALIDATION_001: 400,
  VALIDATION_002: 400,
  VALIDATION_003: 400,
  VALIDATION_004: 400,
  VALIDATION_005: 400,
  VALIDATION_006: 400,
  RESOURCE_001: 404,
  RESOURCE_007: 409,
  BUSINESS_002: 429,
  INTERNAL_001: 500,
  NOT_FOUND: 404,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

/** A request that must fail with a catalogued error; turned into the envelope by the app's error handler. */
export class ApiFailure extends Error {
  readonly status: number;
  /** Extra response headers, e.g. Retry-After on a 429. */
  headers: Record<string, string> = {};
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldErrors | null = null,
    status?: number,
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[code];
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }
}

export const docUrl = (code: string) => `https://docs.sent.dm/errors/${code}`;
