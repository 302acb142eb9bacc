// What the gateway calls: `await recorder.record({...})` before it answers, so an entry is stored (SQLite:
// an fsynced transaction, ~0.1–0.3 ms; PostgreSQL: a locked insert, ~1–2 ms; see README) or the request fails.
// Input is checked per action (a lookup says hit or miss, an edit has before and after, an export its filters
// and row count); the full number is turned into its masked form and keyed hash here and never stored.
import * as v from 'valibot';
import { maskPhone } from '../../src/shared/mask.ts';
import { ACTIONS, type EntryContent, type Json, type StoredEntry } from './entry.ts';
import { maskNumbersIn, phoneFields } from './phone.ts';
import type { AuditStore } from './store.ts';

// NUL is dropped: PostgreSQL text cannot hold it (and no header or id carries one legitimately).
const text = (max: number) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.maxLength(max),
        v.transform((s) => s.replaceAll('\0', '')),
      ),
    ),
    null,
  );
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const jsonObject = v.record(v.string(), v.unknown());

const Person = v.strictObject({
  id,
  name: text(200),
  role: text(100),
  /** The groups at this moment, copied into the entry. */
  groups: v.optional(v.array(v.pipe(v.string(), v.maxLength(200))), []),
});
/** Before sign-in (or a failed one): the session and what kind of client it is. */
const Session = v.strictObject({ session: id, client: text(200) });

const common = {
  outcome: v.optional(v.picklist(['ok', 'denied', 'error']), 'ok'),
  actor: v.union([Person, Session], 'actor must be {id, name, role, groups} or {session, client}'),
  profileId: text(100),
  contactId: text(100),
  /** The full number as typed or stored; only its masked form and keyed hash are kept. */
  phone: text(64),
  requestId: text(200),
  clientAddress: text(100),
  userAgent: text(512),
  details: v.optional(jsonObject, {}),
};

const RecordSchema = v.variant('action', [
  v.object({
    ...common,
    action: v.literal('lookup'),
    outcome: v.picklist(['hit', 'miss', 'denied', 'error']),
  }),
  v.object({
    ...common,
    action: v.literal('contact.edit'),
    details: v.looseObject({ before: jsonObject, after: jsonObject }),
  }),
  v.object({
    ...common,
    action: v.picklist(['contacts.export', 'audit.export']),
    details: v.looseObject({
      filters: jsonObject,
      row_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  }),
  v.object({
    ...common,
    action: v.picklist(
      ACTIONS.filter((a) => !['lookup', 'contact.edit', 'contacts.export', 'audit.export'].includes(a)),
    ),
  }),
]);

export type RecordInput = v.InferInput<typeof RecordSchema>;

export class AuditInputError extends Error {
  override name = 'AuditInputError';
}

export interface RecorderOptions {
  store: AuditStore;
  /** HMAC key for numbers (keys.ts). */
  phoneKey: Buffer;
  now?: () => Date;
}

export class AuditRecorder {
  constructor(private readonly opts: RecorderOptions) {}

  /** Stores one entry; resolves once it is durable. Throws AuditInputError for a malformed call. */
  async record(input: RecordInput): Promise<StoredEntry> {
    return this.opts.store.append(this.content(input));
  }

  /** The entry content for `input` (exposed for tests and the benchmark). */
  content(input: RecordInput): EntryContent {
    const parsed = v.safeParse(RecordSchema, input);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = v.getDotPath(issue) ?? 'input';
      throw new AuditInputError(`Audit record: ${where}: ${issue.message}`);
    }
    const r = parsed.output;
    const person = 'id' in r.actor ? r.actor : null;
    const phone = r.phone ? phoneFields(r.phone, this.opts.phoneKey) : null;
    return {
      at: (this.opts.now?.() ?? new Date()).toISOString(),
      action: r.action,
      outcome: r.outcome,
      actor_kind: person ? 'person' : 'session',
      actor_id: person ? person.id : (r.actor as { session: string }).session,
      actor_name: person ? person.name : (r.actor as { client: string | null }).client,
      actor_role: person?.role ?? null,
      actor_groups: person ? [...person.groups].sort() : [],
      // Profile ids compare as the gateway's scope spells them (lower case), whatever a caller sent.
      profile_id: r.profileId?.toLowerCase() ?? null,
      contact_id: r.contactId,
      phone_masked: phone?.phone_masked ?? (r.phone ? maskPhone(r.phone) : null),
      phone_hash: phone?.phone_hash ?? null,
      request_id: r.requestId,
      client_address: r.clientAddress,
      user_agent: r.userAgent,
      // The JSON round trip makes what is hashed exactly what is stored (a Date becomes its string, etc.).
      details: maskNumbersIn(JSON.parse(JSON.stringify(r.details)) as Json) as EntryContent['details'],
    };
  }
}
