// The admin query's parameters (URL search params) → a store filter and a page. Bad values get a message
// naming the parameter. A number is searched two ways, each served by an index: a whole number by the keyed
// hash of its E.164 (exact), or its last two digits ("23", "••23": all the masked form keeps in clear).
// Pages are keyset cursors ("before"/"after" an entry: `<seq>.<epoch ms>`), not offsets.
import * as v from 'valibot';
import { ACTIONS, type Action } from './entry.ts';
import { phoneFields } from './phone.ts';
import type { AuditFilter, Cursor, PageRequest } from './store.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date ("2025-03-04": the whole day, in UTC) or an ISO time; `end` makes a date's day inclusive. */
const time = (end: boolean) =>
  v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => !Number.isNaN(Date.parse(s)) && (DATE.test(s) || /T/.test(s)),
        'must be a date (YYYY-MM-DD) or an ISO time',
      ),
      v.transform((s) => {
        const t = new Date(Date.parse(s));
        if (end && DATE.test(s)) t.setUTCDate(t.getUTCDate() + 1);
        return t.toISOString();
      }),
    ),
  );

const whole = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, `must be a whole number from ${min} to ${max}`),
      v.transform(Number),
      v.minValue(min, `must be a whole number from ${min} to ${max}`),
      v.maxValue(max, `must be a whole number from ${min} to ${max}`),
    ),
    String(fallback),
  );

const NUMBER_MESSAGE = 'must be a whole number (+44 7700 900123) or its last two digits (23)';
const LAST_TWO = /^[\s•*.…-]*(\d{2})$/;

/** A whole number's keyed hash, or the last two digits; null when it is neither. */
function numberFilter(text: string, phoneKey: Buffer): AuditFilter['number'] | null {
  const lastTwo = LAST_TWO.exec(text)?.[1];
  if (lastTwo) return { lastTwo };
  const fields = text.replace(/\D/g, '').length >= 6 ? phoneFields(text, phoneKey) : null;
  return fields ? { hash: fields.phone_hash } : null;
}

/** `<seq>.<epoch ms>`: the place of an entry in the newest-first order. */
export const formatCursor = (cursor: Cursor): string => `${cursor.seq}.${Date.parse(cursor.at)}`;

const CURSOR_MESSAGE = 'must be a page cursor from a previous answer';
// Times from 1970 to the year 9999: what toISOString writes in the stored 24-character form.
const cursor = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^\d{1,15}\.\d{1,15}$/, CURSOR_MESSAGE),
    v.check((s) => Number(s.split('.')[1]) <= 253_402_300_799_999, CURSOR_MESSAGE),
    v.transform((s): Cursor => {
      const [seq, ms] = s.split('.');
      return { seq: Number(seq), at: new Date(Number(ms)).toISOString() };
    }),
  ),
);

const ParamsSchema = v.object({
  actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  profile_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  contact_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  number: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(64),
      v.check((s) => /\d/.test(s), NUMBER_MESSAGE),
    ),
  ),
  action: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) =>
        s
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      ),
      v.array(v.picklist(ACTIONS, `must be a comma-separated list of: ${ACTIONS.join(', ')}`)),
    ),
  ),
  from: time(false),
  to: time(true),
  before: cursor,
  after: cursor,
  page_size: whole(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

export class AuditQueryError extends Error {
  override name = 'AuditQueryError';
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedQuery {
  filter: AuditFilter;
  page: PageRequest;
  /** The filters as given (for an export's own audit entry). */
  given: Record<string, string>;
}

export function parseAuditQuery(params: URLSearchParams, phoneKey: Buffer): ParsedQuery {
  const given = Object.fromEntries(
    Object.keys(ParamsSchema.entries).flatMap((k) =>
      params.get(k)?.trim() ? [[k, (params.get(k) as string).trim()]] : [],
    ),
  );
  const parsed = v.safeParse(ParamsSchema, given);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const param = String(issue.path?.[0]?.key ?? 'query');
    throw new AuditQueryError(param, `${param} ${issue.message}`);
  }
  const p = parsed.output;
  const number = p.number ? numberFilter(p.number, phoneKey) : undefined;
  if (number === null) throw new AuditQueryError('number', `number ${NUMBER_MESSAGE}`);
  if (p.before && p.after) throw new AuditQueryError('after', 'after cannot be given with before');
  const filter: AuditFilter = {
    actor: p.actor,
    profileId: p.profile_id,
    contactId: p.contact_id,
    number,
    actions: p.action as Action[] | undefined,
    from: p.from,
    to: p.to,
  };
  const { before: _before, after: _after, page_size: _size, ...filters } = given;
  return { filter, page: { pageSize: p.page_size, before: p.before, after: p.after }, given: filters };
}
