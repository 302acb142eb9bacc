import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { type ApiFailure, docUrl } from './errors.ts';

function meta(c: Context<AppEnv>) {
  return { request_id: c.get('requestId'), timestamp: new Date().toISOString(), version: 'v3' };
}

export function ok(c: Context<AppEnv>, data: unknown, status: 200 | 201 = 200): Response {
  return c.json({ success: true, data, error: null, meta: meta(c) }, status);
}

export function failure(c: Context<AppEnv>, error: ApiFailure): Response {
  const body = {
    success: false,
    data: null,
    error: { code: error.code, message: error.message, details: error.details, doc_url: docUrl(error.code) },
    meta: meta(c),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
}
