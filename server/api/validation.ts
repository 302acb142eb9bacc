// Applies the schemas in schemas.ts and turns the first issue into Sent's validation error (code, message,
// details), the same whether it was found in the query, a path parameter or a JSON body.
import { vValidator } from '@hono/valibot-validator';
import type { Context, ValidationTargets } from 'hono';
import * as v from 'valibot';
import { UUID_PATTERN } from '../../src/shared/contract.ts';
import { ApiFailure, type ErrorCode } from './errors.ts';

type Issue = v.BaseIssue<unknown>;

function codeOf(issue: Issue): ErrorCode {
  if (issue.input === undefined || issue.type === 'non_empty') return 'VALIDATION_004';
  if (issue.type === 'min_value' || issue.type === 'max_value') return 'VALIDATION_005';
  if (issue.type === 'picklist') return 'VALIDATION_006';
  if (issue.requirement === UUID_PATTERN) return 'VALIDATION_003';
  return 'VALIDATION_001';
}

export function failureFrom(issues: readonly [Issue, ...Issue[]]): ApiFailure {
  const [issue] = issues;
  const field = String(issue.path?.[0]?.key ?? 'body');
  const code = codeOf(issue);
  switch (code) {
    case 'VALIDATION_004':
      return new ApiFailure(code, `The ${field} field is required.`, { [field]: ['The field is required.'] });
    case 'VALIDATION_005':
      return new ApiFailure(code, issue.message, { [field]: [issue.message] });
    case 'VALIDATION_006':
      return new ApiFailure(code, `Invalid channel '${String(issue.input).slice(0, 40)}'. ${issue.message}`, {
        [field]: [issue.message],
      });
    case 'VALIDATION_003':
      return new ApiFailure(code, 'Invalid ID format.', { [field]: [issue.message] });
    default:
      return new ApiFailure(code, 'Request validation failed', { [field]: [issue.message] });
  }
}

/** `@hono/valibot-validator` with Sent's errors: a route's query and path parameters. */
export function validated<T extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return vValidator(target, schema, (result) => {
    if (!result.success) throw failureFrom(result.issues);
  });
}

/**
 * The request's JSON body, validated. Not hono's 'json' target: it ignores a body sent without a JSON
 * content type and refuses an empty one, where Sent reads both.
 */
export async function validBody<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  const text = await c.req.text();
  let value: unknown = {};
  try {
    if (text.trim() !== '') value = JSON.parse(text);
  } catch {
    throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
      body: ['The body is not valid JSON.'],
    });
  }
  // Arrays are objects to valibot's object schema too; the body must be a plain JSON object.
  const result = v.safeParse(schema, Array.isArray(value) ? null : value);
  if (!result.success) throw failureFrom(result.issues);
  return result.output;
}
