import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';
import { CONTACT_COLUMNS, type ContactRow, rowValues } from './generator.ts';
import type { Channel } from './validation.ts';

export interface StoredContact extends ContactRow {
  rid: number;
}

export interface ListFilter {
  ownerIds: string[];
  channel?: Channel;
  /** Digits only; an empty string matches nothing. */
  searchDigits?: string;
}

export const INSERT_CONTACT_SQL = `INSERT INTO contacts (${CONTACT_COLUMNS.join(', ')})
  VALUES (${CONTACT_COLUMNS.map(() => '?').join(', ')})`;

const ORDER = 'ORDER BY created_at DESC, id DESC';
/** FTS5 trigrams need 3 characters; shorter terms fall back to LIKE over the owner's rows. */
const TRIGRAM = 3;

/** All SQL for contacts lives here; statements are prepared once per shape and reused. */
export class ContactsStore {
  private readonly cache = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string) {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private where(filter: ListFilter): { sql: string; params: unknown[] } {
    const owners = filter.ownerIds.map(() => '?').join(', ');
    const clauses = [`owner_id IN (${owners})`];
    const params: unknown[] = [...filter.ownerIds];
    if (filter.channel) clauses.push(filter.channel === 'sms' ? 'has_sms = 1' : 'has_whatsapp = 1');
    const digits = filter.searchDigits;
    if (digits !== undefined) {
      if (digits === '') {
        clauses.push('0');
      } else if (digits.length >= TRIGRAM) {
        clauses.push('rid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)');
        params.push(`"${digits}"`);
      } else {
        clauses.push("search_digits LIKE '%' || ? || '%'");
        params.push(digits);
      }
    }
    return { sql: clauses.join(' AND '), params };
  }

  list(filter: ListFilter, limit: number, offset: number): StoredContact[] {
    const { sql, params } = this.where(filter);
    return this.stmt(`SELECT * FROM contacts WHERE ${sql} ${ORDER} LIMIT ? OFFSET ?`).all(
      ...params,
      limit,
      offset,
    ) as StoredContact[];
  }

  count(filter: ListFilter): number {
    if (filter.searchDigits === undefined) {
      // Trigger-maintained counts: O(owners), not O(rows).
      const column = filter.channel ?? 'total';
      const owners = filter.ownerIds.map(() => '?').join(', ');
      const row = this.stmt(
        `SELECT COALESCE(SUM(${column}), 0) AS n FROM owner_counts WHERE owner_id IN (${owners})`,
      ).get(...filter.ownerIds) as { n: number };
      return row.n;
    }
    const { sql, params } = this.where(filter);
    return (this.stmt(`SELECT COUNT(*) AS n FROM contacts WHERE ${sql}`).get(...params) as { n: number }).n;
  }

  /** Own contacts win over inherited ones when both hold the number. */
  findByE164(ownerIds: string[], e164: string): StoredContact | undefined {
    const owners = ownerIds.map(() => '?').join(', ');
    return this.stmt(
      `SELECT * FROM contacts WHERE e164 = ? AND owner_id IN (${owners}) ORDER BY owner_id = ? DESC LIMIT 1`,
    ).get(e164, ...ownerIds, ownerIds[0]) as StoredContact | undefined;
  }

  findById(ownerIds: string[], id: string): StoredContact | undefined {
    const owners = ownerIds.map(() => '?').join(', ');
    return this.stmt(`SELECT * FROM contacts WHERE id = ? AND owner_id IN (${owners})`).get(
      id,
      ...ownerIds,
    ) as StoredContact | undefined;
  }

  update(rid: number, changes: Pick<ContactRow, 'default_channel' | 'opt_out' | 'updated_at'>): void {
    this.stmt('UPDATE contacts SET default_channel = ?, opt_out = ?, updated_at = ? WHERE rid = ?').run(
      changes.default_channel,
      changes.opt_out,
      changes.updated_at,
      rid,
    );
  }

  insert(row: ContactRow): void {
    this.stmt(INSERT_CONTACT_SQL).run(...rowValues(row));
  }

  delete(rid: number): void {
    this.stmt('DELETE FROM contacts WHERE rid = ?').run(rid);
  }
}
