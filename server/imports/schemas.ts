// What the import routes accept (valibot, applied by @hono/valibot-validator in routes.ts). A bad body is a 400
// naming the field, e.g. `rows[12].phone: must be an E.164 number such as +447700900123`.
import * as v from 'valibot';
import { UUID_PATTERN } from '../../src/shared/contract.ts';
import { IMPORT_MAX_ROWS, ROW_DOWNLOADS, ROW_PROBLEMS } from '../../src/shared/imports.ts';

const E164 = /^\+[1-9]\d{6,14}$/;

const RowSchema = v.pipe(
  v.object({
    row: v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be 1 or more'),
    ),
    column: v.optional(
      v.nullable(
        v.pipe(v.string('must be a string or null'), v.maxLength(200, 'must be at most 200 characters')),
      ),
    ),
    input: v.pipe(v.string('must be a string'), v.maxLength(1_000, 'must be at most 1,000 characters')),
    phone: v.nullable(
      v.pipe(
        v.string('must be a string or null'),
        v.regex(E164, 'must be an E.164 number such as +447700900123'),
      ),
    ),
    problem: v.nullable(v.picklist(ROW_PROBLEMS, `must be null or one of ${ROW_PROBLEMS.join(', ')}`)),
  }),
  v.forward(
    v.check((r) => r.phone !== null || r.problem === 'invalid', 'is required unless problem is "invalid"'),
    ['phone'],
  ),
);

export const ImportRequestSchema = v.object({
  profile_id: v.nullable(
    v.pipe(
      v.string('must be a string or null'),
      v.regex(UUID_PATTERN, 'must be a profile id (uuid) or null'),
      v.toLowerCase(),
    ),
  ),
  file_name: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(255, 'must be at most 255 characters'),
  ),
  file_sha256: v.pipe(
    v.string('must be a string'),
    v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in 64 lowercase hex digits'),
  ),
  default_region: v.pipe(
    v.string('must be a string'),
    v.regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as GB'),
  ),
  rows: v.pipe(
    v.array(RowSchema, 'must be a list of rows'),
    v.minLength(1, 'must hold at least one row'),
    v.maxLength(IMPORT_MAX_ROWS, `must hold at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows`),
    // A row may give several numbers, but sends each at most once: file, row and number make its
    // idempotency key (src/shared/imports.ts importRowKey), so a second would only replay the first.
    v.check((rows) => {
      const sent = rows.filter((r) => r.problem === null).map((r) => `${r.row}:${r.phone}`);
      return new Set(sent).size === sent.length;
    }, 'must not send the same number twice from one row (mark the others as duplicates)'),
  ),
});

export type ValidImportRequest = v.InferOutput<typeof ImportRequestSchema>;

export const RowsQuerySchema = v.object({
  state: v.picklist(ROW_DOWNLOADS, `must be one of ${ROW_DOWNLOADS.join(', ')}`),
});

export const ListQuerySchema = v.object({
  profile_id: v.optional(
    v.pipe(v.string(), v.regex(UUID_PATTERN, 'must be a profile id (uuid)'), v.toLowerCase()),
  ),
});

/** `rows.12.phone` as people read it: `rows[12].phone`. */
export function fieldOf(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  return path.reduce<string>((out, item) => {
    const key = String(item.key);
    if (typeof item.key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${key}` : key;
  }, '');
}

/** One line naming the field and what is wrong with it. */
export function describeIssue(issue: v.BaseIssue<unknown>, what: string): string {
  const field = fieldOf(issue);
  const message = issue.input === undefined && field ? 'is required' : issue.message;
  return field ? `${field}: ${message}` : `${what}: ${message}`;
}
