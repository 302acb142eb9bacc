import type { Statement } from 'better-sqlite3';
import type { Channel } from '../../../src/shared/contract.ts';
import { CONTACT_COLUMNS, type ContactRow, rowValues } from '../generator.ts';
import { selectSlots } from './accounts.ts';
import { type Db, SLOT_SIZE } from './schema.ts';

export interface StoredContact extends ContactRow {
  rid: number;
}

export interface ListFilter {
  ownerIds: string[];
  channel?: Channel;
  /** Digits only; an empty string matches nothing. */
  searchDigits?: string;
}

export const INSERT_CONTACT_SQL = `INSERT INTO contacts (rid, ${CONTACT_COLUMNS.join(', ')})
  VALUES (?, ${CONTACT_COLUMNS.map(() => '?').join(', ')})`;

const ORDER = 'ORDER BY created_at DESC, id DESC';
const channelColumn = (channel: Channel) => (channel === 'sms' ? 'has_sms' : 'has_whatsapp');
/** FTS5 trigrams need 3 characters; shorter terms fall back to LIKE over the owner's rows. */
const TRIGRAM = 3;

/** The contacts' SQL; statements are prepared once per shape and reused. */
export class ContactsStore {
  private readonly cache = new Map<string, Statement<unknown[]>>();

  private readonly slots: Map<string, number>;

  constructor(private readonly db: Db) {
    this.slots = selectSlots(db);
  }

  private stmt(sql: string) {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  /** The rowid range holding an owner's contacts (see schema.ts). */
  private range(ownerId: string): [number, number] {
    const slot = this.slots.get(ownerId);
    if (slot === undefined) throw new Error(`Unknown owner ${ownerId}`);
    return [slot * SLOT_SIZE, (slot + 1) * SLOT_SIZE - 1];
  }

  /** Rowid bounds covering every owner of the filter, for the trigram index to prune by. */
  private bounds(ownerIds: string[]): [number, number] {
    const ranges = ownerIds.map((id) => this.range(id));
    return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
  }

  /** Owner, channel and (short or `likeSearch`) search conditions; long searches use the trigram index instead. */
  private where(filter: ListFilter, alias = '', likeSearch = false): { sql: string; params: unknown[] } {
    const owners = filter.ownerIds.map(() => '?').join(', ');
    const clauses = [`${alias}owner_id IN (${owners})`];
    const params: unknown[] = [...filter.ownerIds];
    if (filter.channel) clauses.push(`${alias}${channelColumn(filter.channel)} = 1`);
    const digits = filter.searchDigits;
    if (digits === '') clauses.push('0');
    else if (digits !== undefined && (likeSearch || digits.length < TRIGRAM)) {
      clauses.push(`${alias}search_digits LIKE '%' || ? || '%'`);
      params.push(digits);
    }
    return { sql: clauses.join(' AND '), params };
  }

  private usesTrigrams(filter: ListFilter): filter is ListFilter & { searchDigits: string } {
    return filter.searchDigits !== undefined && filter.searchDigits.length >= TRIGRAM;
  }

  /** Pass the count when it is known: it picks the cheaper plan for a search. */
  list(filter: ListFilter, limit: number, offset: number, total = this.count(filter)): StoredContact[] {
    if (!this.usesTrigrams(filter)) {
      const { sql, params } = this.where(filter);
      const stmt = this.stmt(`SELECT * FROM contacts WHERE ${sql} ${ORDER} LIMIT ? OFFSET ?`);
      return stmt.all(...params, limit, offset) as StoredContact[];
    }
    const match = `"${filter.searchDigits}"`;
    const [low, high] = this.bounds(filter.ownerIds);
    const [owner] = filter.ownerIds;
    // Few matches: fetch them all through the trigram index and sort them. Many matches: walk the owner's
    // ordered index and test each row, which stops after about (offset + limit) / share-of-matches rows.
    const ownerTotal = owner === undefined ? 0 : this.count({ ownerIds: [owner] });
    const walkCost = ((offset + limit) * ownerTotal) / Math.max(total, 1);
    if (filter.ownerIds.length === 1 && walkCost < total) {
      const { sql, params } = this.where(filter, '', true);
      const stmt = this.stmt(
        `SELECT * FROM contacts INDEXED BY contacts_by_owner WHERE ${sql} ${ORDER} LIMIT ? OFFSET ?`,
      );
      return stmt.all(...params, limit, offset) as StoredContact[];
    }
    const { sql, params } = this.where(filter, 'c.');
    const stmt = this.stmt(`SELECT c.* FROM contacts_fts f CROSS JOIN contacts c ON c.rid = f.rowid
      WHERE f.contacts_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND ${sql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`);
    return stmt.all(match, low, high, ...params, limit, offset) as StoredContact[];
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
    if (!this.usesTrigrams(filter)) {
      const { sql, params } = this.where(filter);
      return (this.stmt(`SELECT COUNT(*) AS n FROM contacts WHERE ${sql}`).get(...params) as { n: number }).n;
    }
    // Per owner, by rowid range: without a channel the count never leaves the trigram index.
    const match = `"${filter.searchDigits}"`;
    const sql = filter.channel
      ? `SELECT COUNT(*) AS n FROM contacts_fts f CROSS JOIN contacts c ON c.rid = f.rowid
         WHERE f.contacts_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND c.${channelColumn(filter.channel)} = 1`
      : 'SELECT COUNT(*) AS n FROM contacts_fts WHERE contacts_fts MATCH ? AND rowid BETWEEN ? AND ?';
    return filter.ownerIds.reduce(
      (sum, owner) => sum + (this.stmt(sql).get(match, ...this.range(owner)) as { n: number }).n,
      0,
    );
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
    const [low, high] = this.range(row.owner_id);
    const last = this.stmt('SELECT MAX(rid) AS rid FROM contacts WHERE rid BETWEEN ? AND ?').get(
      low,
      high,
    ) as {
      rid: number | null;
    };
    this.stmt(INSERT_CONTACT_SQL).run(...rowValues(row, (last.rid ?? low) + 1));
  }

  delete(rid: number): void {
    this.stmt('DELETE FROM contacts WHERE rid = ?').run(rid);
  }
}
