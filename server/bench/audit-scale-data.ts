// Realistic entries for bench:audit-scale: 200 people (agents, a few admins) in 5 profiles, 100,000
// contacts with their numbers, the actions in a health organization's proportions (lookups and openings
// dominate), timestamps spread evenly over the seeded span. Deterministic (seeded random), so runs compare.
// The content is what AuditRecorder writes (masked number + keyed hash, details per action); only the
// recorder's per-call validation is skipped (bench-only bulk path).

import { maskPhone } from '../../src/shared/mask.ts';
import { mulberry32 } from '../api/random.ts';
import type { Action, EntryContent } from '../audit/entry.ts';
import { phoneHash } from '../audit/phone.ts';

export const PEOPLE = 200;
export const PROFILES = Array.from({ length: 5 }, (_, i) => `5f0c3a4e-0000-4000-8000-00000000000${i}`);
export const CONTACTS = 100_000;

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dev',
  'Emeka',
  'Fatima',
  'Gus',
  'Hana',
  'Ivan',
  'June',
  'Kofi',
  'Lena',
];
const LAST = [
  'Okafor',
  'Smith',
  'García',
  'Nakamura',
  'Müller',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Chen',
  'Olsen',
];

/** Action and its share of a day's entries. */
const MIX: [Action, number][] = [
  ['lookup', 40],
  ['contact.open', 25],
  ['number.reveal', 8],
  ['contact.edit', 7],
  ['contact.create', 5],
  ['session.sign_in', 5],
  ['session.sign_out', 4],
  ['contact.remove', 2],
  ['contacts.export', 2],
  ['contacts.import', 1],
  ['audit.export', 1],
];
const MIX_TOTAL = MIX.reduce((sum, [, share]) => sum + share, 0);

/** The embedded API's deterministic PRNG: same seed, same bench data. */
export const random = mulberry32;

export interface Person {
  id: string;
  name: string;
  role: string;
  groups: string[];
  profile: string;
}

export const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `agent-${String(i + 1).padStart(3, '0')}`,
  name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`,
  role: i % 40 === 0 ? 'admin' : 'agent',
  groups: [i % 2 ? 'ward-a' : 'ward-b'],
  profile: PROFILES[i % PROFILES.length] as string,
}));

export interface Contact {
  id: string;
  number: string;
  masked: string;
  hash: string;
}

/** UK mobiles, already E.164: masked and hashed as phoneFields does, without parsing each one. */
export function contacts(phoneKey: Buffer): Contact[] {
  return Array.from({ length: CONTACTS }, (_, i) => {
    const number = `+4477009${String(i).padStart(5, '0')}`;
    return {
      id: `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`,
      number,
      masked: maskPhone(number, '44'),
      hash: phoneHash(number, phoneKey),
    };
  });
}

function actionOf(r: number): Action {
  let left = r * MIX_TOTAL;
  for (const [action, share] of MIX) {
    left -= share;
    if (left < 0) return action;
  }
  return 'lookup';
}

function detailsOf(action: Action, contact: Contact, n: number): EntryContent['details'] {
  switch (action) {
    case 'lookup':
      return { query: contact.masked };
    case 'contact.edit':
      return { before: { opt_out: n % 2 === 0 }, after: { opt_out: n % 2 === 1 } };
    case 'contacts.export':
    case 'audit.export':
      return { filters: { search: '7700' }, row_count: n % 5000 };
    case 'contacts.import':
      return {
        import_id: `imp-${n}`,
        status: 'done',
        file_name: 'ward.csv',
        counts: { total: 40, created: 38 },
      };
    default:
      return {};
  }
}

/** The content of entry number `n` (0-based) of `total`, spread from `startMs` to `endMs`. */
export function entryContent(
  n: number,
  total: number,
  span: { startMs: number; endMs: number },
  pool: Contact[],
  next: () => number,
): EntryContent {
  const person = people[Math.floor(next() * PEOPLE)] as Person;
  const action = actionOf(next());
  const contact = pool[Math.floor(next() * pool.length)] as Contact;
  const about = !action.startsWith('session.') && !action.endsWith('export') && action !== 'contacts.import';
  const at = span.startMs + Math.floor(((span.endMs - span.startMs) * n) / total);
  return {
    at: new Date(at).toISOString(),
    action,
    outcome: action === 'lookup' ? (next() < 0.8 ? 'hit' : 'miss') : next() < 0.02 ? 'denied' : 'ok',
    actor_kind: 'person',
    actor_id: person.id,
    actor_name: person.name,
    actor_role: person.role,
    actor_groups: person.groups,
    profile_id: action.startsWith('session.') ? null : person.profile,
    contact_id: about ? contact.id : null,
    phone_masked: about ? contact.masked : null,
    phone_hash: about ? contact.hash : null,
    request_id: `req-${n.toString(36)}`,
    client_address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    user_agent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0',
    details: detailsOf(action, contact, n),
  };
}
