// Every filter the Activity screen offers, and their combinations, is one index range read on SQLite: the page
// in the index's order (no sort of the matches), the count from the index alone (no row read). The plans
// are SQLite's own (EXPLAIN QUERY PLAN), on the migrated schema.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/audit-stores.ts';
import { countSql, type Dialect, existsSql, pageSql, type Sql } from './plan.ts';
import { sqlitePlaceholder } from './sql.ts';
import { SQLITE_LAST_TWO } from './sqlite-schema.ts';
import { SqliteAuditStore } from './sqlite-store.ts';
import type { AuditFilter } from './store.ts';

const temp = tempDir();
const store = new SqliteAuditStore(join(temp.dir, 'plans.sqlite'));
afterAll(async () => {
  await store.close();
  temp.remove();
});
const dialect: Dialect = {
  ph: sqlitePlaceholder,
  lastTwo: SQLITE_LAST_TWO,
  indexHint: (i) => `INDEXED BY ${i} `,
};
const plan = ({ sql, params }: Sql) =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

const day = { from: '2025-03-04T00:00:00.000Z', to: '2025-03-05T00:00:00.000Z' };
const cursor = { at: '2025-03-04T12:00:00.000Z', seq: 500 };
type Case = [string, AuditFilter, string, ('covering' | 'rows')?];
const FILTERS: Case[] = [
  ['nothing', {}, 'audit_by_at'],
  ['a day', day, 'audit_by_at'],
  ['a person', { actor: 'u-1' }, 'audit_by_actor'],
  ['a person + a day', { actor: 'u-1', ...day }, 'audit_by_actor'],
  ['a person + an action', { actor: 'u-1', actions: ['contact.edit'] }, 'audit_by_actor_action'],
  ['a person + a profile', { actor: 'u-1', profileId: 'p-1' }, 'audit_by_actor_profile'],
  ['a person + last digits', { actor: 'u-1', number: { lastTwo: '23' } }, 'audit_by_actor'],
  ['an action', { actions: ['lookup'] }, 'audit_by_action'],
  ['an action + a day', { actions: ['lookup'], ...day }, 'audit_by_action'],
  ['last digits', { number: { lastTwo: '23' } }, 'audit_by_last_two'],
  ['last digits + an action', { number: { lastTwo: '23' }, actions: ['lookup'] }, 'audit_by_last_two'],
  ['a number', { number: { hash: 'ab'.repeat(32) } }, 'audit_by_phone'],
  // A contact has few entries: its count may read them to check the person.
  ['a contact + a person', { contactId: 'c-1', actor: 'u-1' }, 'audit_by_contact', 'rows'],
  ['a profile + a day', { profileId: 'p-1', ...day }, 'audit_by_profile'],
  ['a profile + an action', { profileId: 'p-1', actions: ['lookup'] }, 'audit_by_profile_action'],
];

// An admin of one profile: the same questions, their profile a condition the index reads or checks.
const mine = { visible: { profiles: ['p-1'], organizationWide: false } };
const SCOPED: Case[] = [
  ['nothing', mine, 'audit_by_profile'],
  ['a day', { ...mine, ...day }, 'audit_by_profile'],
  ['a person', { ...mine, actor: 'u-1' }, 'audit_by_actor_profile'],
  ['a person + a day', { ...mine, actor: 'u-1', ...day }, 'audit_by_actor_profile'],
  ['a person + an action', { ...mine, actor: 'u-1', actions: ['contact.edit'] }, 'audit_by_actor_action'],
  ['an action', { ...mine, actions: ['contacts.import'] }, 'audit_by_profile_action'],
  ['an action + a day', { ...mine, actions: ['lookup'], ...day }, 'audit_by_profile_action'],
  ['last digits', { ...mine, number: { lastTwo: '23' } }, 'audit_by_last_two'],
  ['a number', { ...mine, number: { hash: 'ab'.repeat(32) } }, 'audit_by_phone', 'rows'],
  ['a contact', { ...mine, contactId: 'c-1' }, 'audit_by_contact', 'rows'],
  ['their profile + a day', { ...mine, profileId: 'p-1', ...day }, 'audit_by_profile'],
];

const CASES = [
  ...FILTERS,
  ...SCOPED.map(([what, ...rest]): Case => [`admin of one profile: ${what}`, ...rest]),
];

describe('SQLite query plans', () => {
  it.each(CASES)('%s: one ordered range of %s', (_what, filter, index, count = 'covering') => {
    for (const scan of [
      { filter, direction: 'newest' as const, limit: 51 },
      { filter, direction: 'newest' as const, before: cursor, limit: 51 },
      { filter, direction: 'oldest' as const, after: cursor, limit: 51 },
    ]) {
      const steps = plan(pageSql(dialect, scan));
      expect(steps).toEqual([
        expect.stringMatching(
          new RegExp(
            `^SEARCH audit_entries USING INDEX ${index} \\(|^SCAN audit_entries USING INDEX ${index}$`,
          ),
        ),
      ]);
    }
    expect(plan(countSql(dialect, filter, 10_000))).toContainEqual(
      expect.stringMatching(
        new RegExp(`audit_entries USING ${count === 'covering' ? 'COVERING ' : ''}INDEX ${index}\\b`),
      ),
    );
    expect(plan(existsSql(dialect, filter, 'before', cursor)).join('\n')).toContain(`INDEX ${index}`);
  });

  it.each([
    [{ actions: ['lookup', 'contact.open'] }, 'audit_by_action (action=?)'],
    [
      { actor: 'u-1', actions: ['lookup', 'contact.open'], ...day },
      'audit_by_actor_action (actor_id=? AND action=? AND at>? AND at<?)',
    ],
    // An admin of one profile who may also see the organization's own entries (of no profile).
    [{ visible: { profiles: ['p-1'], organizationWide: true } }, 'audit_by_profile (profile_id=?)'],
  ] as [AuditFilter, string][])(
    'several values (%o): one ordered read per value, merged',
    (filter, range) => {
      const steps = plan(pageSql(dialect, { filter, direction: 'newest', limit: 51 }));
      expect(steps.filter((s) => s === `SEARCH audit_entries USING INDEX ${range}`)).toHaveLength(2);
      expect(steps.join('\n')).not.toMatch(/SCAN audit_entries(?! USING)/);
    },
  );
});
