// One valibot schema per request shape. Which Sent error an issue becomes is decided in validation.ts by the
// kind of check (missing → 004, range → 005, channel → 006, UUID → 003, anything else → 001), so each check
// here only says what is wrong.
import * as v from 'valibot';
import { CHANNELS, MAX_SEARCH, UUID_PATTERN } from '../../src/shared/contract.ts';

/** ASP.NET-style integers, as Sent parses them: an optional sign and at most 9 digits. */
const integer = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty(),
  v.regex(/^[+-]?\d{1,9}$/, (issue) => `The value '${issue.input.slice(0, 40)}' is not a valid integer.`),
  v.transform(Number),
);

/** Absent or empty takes the fallback. */
const integerOr = (fallback: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform((raw) => (raw === '' ? String(fallback) : raw)),
      integer,
    ),
    String(fallback),
  );

const PAGE_SIZE_RANGE = 'Page size must be between 1 and 1000';
const pageSize = v.pipe(integer, v.minValue(1, PAGE_SIZE_RANGE), v.maxValue(1000, PAGE_SIZE_RANGE));

/** Case-insensitive; absent, null or empty means no channel. */
const channel = v.optional(
  v.pipe(
    v.unknown(),
    v.transform((raw) => (raw == null ? undefined : String(raw).trim().toLowerCase() || undefined)),
    v.optional(v.picklist(CHANNELS, `Must be one of: ${CHANNELS.join(', ')}.`)),
  ),
);

export const uuid = v.pipe(v.string(), v.regex(UUID_PATTERN, 'Must be a UUID.'));

const flag = v.nullish(v.boolean('Must be true or false.'));

const jsonObject = <T extends v.ObjectEntries>(entries: T) =>
  v.object(entries, 'The body must be a JSON object.');

export const ListContactsQuery = v.object({
  page: v.pipe(integer, v.minValue(1, 'Page must be greater than 0')),
  page_size: pageSize,
  channel,
  search: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(MAX_SEARCH, `Must be at most ${MAX_SEARCH} characters.`)),
  ),
  phone: v.optional(v.string()),
});

export const ListContactsV1Query = v.object({
  page: v.pipe(integerOr(0), v.minValue(0, 'Page must be 0 or greater')),
  pageSize: v.pipe(integerOr(20), v.minValue(1, PAGE_SIZE_RANGE), v.maxValue(1000, PAGE_SIZE_RANGE)),
});

export const IdParam = v.object({ id: uuid });
export const ProfileIdParam = v.object({ profileId: uuid });

export const UpdateContactBody = jsonObject({ opt_out: flag, default_channel: channel, sandbox: flag });

export const CreateContactBody = jsonObject({
  phone_number: v.pipe(v.string('Must be a string.'), v.trim(), v.nonEmpty()),
  sandbox: flag,
});

export const DeleteContactBody = jsonObject({ sandbox: flag });
