import type { Context } from 'hono';
import { ApiFailure } from './errors.ts';

/** The JSON object body of a request; anything else is a validation error, never a 500. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
      body: ['The body is not valid JSON.'],
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
      body: ['The body must be a JSON object.'],
    });
  }
  return value as Record<string, unknown>;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
      [field]: ['Must be true or false.'],
    });
  }
  return value;
}
