// The admin query's parameters (URL search params) → a store filter and a page. Bad values get a message
// naming the parameter. A number is searched two ways: the keyed hash of its E.164 (exact) or a fragment of
// the masked form ("23", "+44").
import * as v from 'valibot';
import { ACTIONS, type Action } from './entry.ts';
import { phoneFields } from './phone.ts';
import type { AuditFilter, PageRequest } from './store.ts';

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

const ParamsSchema = v.object({
  actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  profile_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  contact_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  number: v.optional(v.pipe(v.string(), v.maxLength(64))),
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
  page: whole(1, 1_000_000, 1),
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
  const filter: AuditFilter = {
    actor: p.actor,
    profileId: p.profile_id,
    contactId: p.contact_id,
    number: p.number
      ? { hash: phoneFields(p.number, phoneKey)?.phone_hash ?? null, maskedFragment: p.number }
      : undefined,
    actions: p.action as Action[] | undefined,
    from: p.from,
    to: p.to,
  };
  const { page: _page, page_size: _size, ...filters } = given;
  return { filter, page: { page: p.page, pageSize: p.page_size }, given: filters };
}
