// A job whose rows of the file give several numbers each (issue 22), on both stores (SQLite and a real
// PostgreSQL 15): numbers kept apart by item, each with its row and column, queued and paged in item order.
import { describe, expect, it } from 'vitest';
import { newJob, STORE_BACKENDS, storePerTest } from '../testing/import-stores.ts';
import type { NewRow } from './store.ts';

const T0 = 1_700_000_000_000;

describe.each(STORE_BACKENDS.map((make) => make()))(
  '$name import store, several numbers a row',
  (backend) => {
    const db = storePerTest(backend);

    it('keeps the numbers of one row apart: item order, each with its column', async () => {
      const number = (item: number, row: number, column: string, phone: string): NewRow => ({
        item,
        row,
        column,
        input: phone,
        phone,
        problem: null,
        state: 'pending',
        reason: null,
      });
      const rows: NewRow[] = [
        number(1, 2, 'Mobile Phone', '+447700900001'),
        number(2, 2, 'Home Phone', '+442079460958'),
        {
          ...number(3, 3, 'Mobile Phone', '+447700900001'),
          problem: 'duplicate',
          state: 'duplicate',
          reason: 'duplicate of row 2, Mobile Phone',
        },
        number(4, 3, 'Home Phone', '+442079460959'),
      ];
      const columns = ['Mobile Phone', 'Home Phone'];
      const job = await db.store().create(newJob('multi', T0, { columns }), rows);
      expect(job).toMatchObject({ columns, counts: { pending: 3, duplicate: 1, total: 4 } });
      const source = (r: { item: number; row: number; column: string | null }) => [r.item, r.row, r.column];
      expect((await db.store().dueRows('multi', 'pending', 0, T0, 10)).map(source)).toEqual([
        [1, 2, 'Mobile Phone'],
        [2, 2, 'Home Phone'],
        [4, 3, 'Home Phone'],
      ]);
      expect((await db.store().dueRows('multi', 'pending', 1, T0, 1)).map(source)).toEqual([
        [2, 2, 'Home Phone'],
      ]);
      // Saving item 2 touches only that number of row 2.
      const done = { reason: null, contactId: 'c-2', attempts: 1, dueAt: null, doneAt: T0 };
      await db.store().saveRow('multi', 2, { ...done, state: 'created' });
      expect((await db.store().rows('multi', ['created'], 0, 10)).map(source)).toEqual([
        [2, 2, 'Home Phone'],
      ]);
      expect((await db.store().rows('multi', ['pending'], 0, 10)).map(source)).toEqual([
        [1, 2, 'Mobile Phone'],
        [4, 3, 'Home Phone'],
      ]);
      expect((await db.store().get('multi'))?.columns).toEqual(columns);
    });
  },
);
