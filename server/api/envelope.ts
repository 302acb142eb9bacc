import type { Context } from 'hono';
import { errorEnvelopeResponse, successEnvelope } from '../envelope.ts';
import type { AppEnv } from './app-env.ts';
import { type ApiFailure, docUrl } from './errors.ts';

export function ok(c: Context<AppEnv>, data: unknown, status: 200 | 201 = 200): Response {
  return c.json(successEnvelope(data, c.get('requestId')), status);
}

export function failure(c: Context<AppEnv>, error: ApiFailure): Response {
  return errorEnvelopeResponse(
    error.status,
    { code: error.code, message: error.message, details: error.details, docUrl: docUrl(error.code) },
    c.get('requestId'),
    'v3',
  );
}
