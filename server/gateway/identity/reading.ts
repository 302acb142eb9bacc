// What one API request may read, by role (authorize.ts asks before anything is forwarded):
// - Bulk reading is a right: a role without export gets at most MAX_ROWS_WITHOUT_EXPORT rows a request (and a
//   limit of distinct contacts an hour: ../reads/).
// - A role that sees numbers masked searches only what it sees: digits in its query (other than paging and the
//   lookup of a number it already has in full) would let it learn hidden digits match by match, so they are refused.
// Query names are compared case-insensitively and every repetition is checked: an upstream that binds
// `Page_Size` or the last of two `page_size` must not read a value the gateway did not.

import { normalizeToE164 } from '../../api/phone.ts';
import type { Person } from './person.ts';
import { permissions } from './policy.ts';

export const MAX_ROWS_WITHOUT_EXPORT = 100;

/** The list routes and the name of their page size. */
const PAGE_SIZE: Record<string, string> = { '/v3/contacts': 'page_size', '/v1/contacts': 'pagesize' };
/** Where a viewer's query may carry digits: paging, and the full number of a lookup (recorded). */
const DIGITS_ALLOWED = new Set(['page', 'page_size', 'pagesize', 'phone']);
/** How the upstream reads a whole number (ASP.NET style); anything else is refused rather than guessed. */
const WHOLE = /^[+-]?\d{1,9}$/;

function valuesOf(query: URLSearchParams, name: string): string[] {
  return [...query].filter(([key]) => key.toLowerCase() === name).map(([, value]) => value.trim());
}

/** Why the person's role may not read what this request asks (a refusal of the role), or null. */
export function readingDenied(person: Person, method: string, url: URL): string | null {
  const sizeParam = PAGE_SIZE[url.pathname];
  if (method !== 'GET' || !sizeParam) return null;
  const may = permissions(person.role);
  if (!may.export) {
    const sizes = valuesOf(url.searchParams, sizeParam).filter((v) => v !== '');
    const tooMany = sizes.some((v) => !WHOLE.test(v) || Number(v) > MAX_ROWS_WITHOUT_EXPORT);
    if (tooMany || sizes.length > 1) {
      return (
        `Your role (${person.role}) may read at most ${MAX_ROWS_WITHOUT_EXPORT} contacts a request ` +
        '(one page size of 1 to 100); reading in bulk is part of the export right.'
      );
    }
  }
  if (!may.seeNumbers) {
    // A lookup is of a whole number (one the person already has in full), never of a part of one.
    if (valuesOf(url.searchParams, 'phone').some((v) => v !== '' && normalizeToE164(v) === null)) {
      return `Your role (${person.role}) sees numbers masked: look up a whole number, with its country code.`;
    }
    for (const [key, value] of url.searchParams) {
      if (/\p{Nd}/u.test(value) && !DIGITS_ALLOWED.has(key.toLowerCase())) {
        return (
          `Your role (${person.role}) sees numbers masked, so it may not search by digits: a match would ` +
          'tell you hidden ones. Look up a full number instead (recorded).'
        );
      }
    }
  }
  return null;
}
