import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ApiFailure } from './errors.ts';
import { IdParam, ListContactsQuery, ListContactsV1Query, UpdateContactBody } from './schemas.ts';
import { failureFrom } from './validation.ts';

function errorOf(schema: v.GenericSchema, input: unknown): Pick<ApiFailure, 'code' | 'message' | 'details'> {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.output)}`);
  const { code, message, details } = failureFrom(result.issues);
  return { code, message, details };
}

const list = (query: Record<string, string>) => ({ page: '1', page_size: '20', ...query });

describe('validation errors in Sent terms', () => {
  it.each([
    [
      { page_size: '20' },
      'VALIDATION_004',
      'The page field is required.',
      { page: ['The field is required.'] },
    ],
    [
      list({ page: ' ' }),
      'VALIDATION_004',
      'The page field is required.',
      { page: ['The field is required.'] },
    ],
    [
      list({ page: '1.5' }),
      'VALIDATION_001',
      'Request validation failed',
      { page: ["The value '1.5' is not a valid integer."] },
    ],
    [
      list({ page: '0' }),
      'VALIDATION_005',
      'Page must be greater than 0',
      { page: ['Page must be greater than 0'] },
    ],
    [
      list({ page_size: '1001' }),
      'VALIDATION_005',
      'Page size must be between 1 and 1000',
      { page_size: ['Page size must be between 1 and 1000'] },
    ],
    [
      list({ channel: 'Fax' }),
      'VALIDATION_006',
      "Invalid channel 'fax'. Must be one of: sms, whatsapp.",
      { channel: ['Must be one of: sms, whatsapp.'] },
    ],
    [
      list({ search: '9'.repeat(65) }),
      'VALIDATION_001',
      'Request validation failed',
      { search: ['Must be at most 64 characters.'] },
    ],
  ])('list query %j → %s', (query, code, message, details) => {
    expect(errorOf(ListContactsQuery, query)).toEqual({ code, message, details });
  });

  it('ids must be UUIDs (VALIDATION_003), bodies JSON objects with typed fields (VALIDATION_001)', () => {
    expect(errorOf(IdParam, { id: 'nope' })).toEqual({
      code: 'VALIDATION_003',
      message: 'Invalid ID format.',
      details: { id: ['Must be a UUID.'] },
    });
    expect(errorOf(UpdateContactBody, 'text').details).toEqual({ body: ['The body must be a JSON object.'] });
    expect(errorOf(UpdateContactBody, { opt_out: 'yes' }).details).toEqual({
      opt_out: ['Must be true or false.'],
    });
  });

  it('normalises what it accepts: channel case, empty values, v1 defaults', () => {
    expect(v.parse(ListContactsQuery, list({ channel: ' SMS ', search: ' 415 ' }))).toMatchObject({
      page: 1,
      page_size: 20,
      channel: 'sms',
      search: '415',
    });
    expect(v.parse(ListContactsQuery, list({ channel: '' })).channel).toBeUndefined();
    expect(v.parse(ListContactsV1Query, { page: '' })).toEqual({ page: 0, pageSize: 20 });
    expect(v.parse(UpdateContactBody, { default_channel: null, opt_out: null })).toEqual({
      default_channel: undefined,
      opt_out: null,
    });
  });
});
