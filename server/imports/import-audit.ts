// What an import puts in the audit trail: one `contacts.import` entry per step of the job (started, paused,
// resumed, cancelled, done, undo_started, undone) with its counts, and one `contact.create` / `contact.remove`
// per contact it adds or removes (the number masked and hashed by the recorder). The worker's entries are
// written outside any request, in the name of the person who started the job (stored with it).
import type { RecordInput } from '../audit/recorder.ts';
import type { RowAnswer } from './send-row.ts';
import type { StoredJob, StoredRow } from './store.ts';

export type ImportAuditStatus =
  | 'started'
  | 'paused'
  | 'resumed'
  | 'cancelled'
  | 'done'
  | 'undo_started'
  | 'undone';

/** The trail's recorder (server/audit), or null when the audit is off. */
export type Recorder = { record(input: RecordInput): Promise<unknown> } | null;

/** The job entry, minus who (a request's context fills it in; the worker uses the job's starter). */
export function jobEntry(job: StoredJob, status: ImportAuditStatus) {
  return {
    action: 'contacts.import' as const,
    profileId: job.profileId,
    details: { import_id: job.id, file_name: job.fileName, status, counts: job.counts },
  };
}

const starter = (job: StoredJob) => ({
  actor: job.actor,
  clientAddress: job.clientAddress,
  userAgent: job.userAgent,
});

export async function recordJobStep(recorder: Recorder, job: StoredJob, status: ImportAuditStatus) {
  await recorder?.record({ ...jobEntry(job, status), ...starter(job), requestId: null });
}

/** A contact the import created or removed; `requestId` is the API's, so support can find the call. */
export async function recordRow(
  recorder: Recorder,
  job: StoredJob,
  row: StoredRow,
  action: 'contact.create' | 'contact.remove',
  contactId: string | null,
  requestId: string | null,
  extra: Record<string, unknown> = {},
) {
  await recorder?.record({
    action,
    ...starter(job),
    profileId: job.profileId,
    contactId,
    phone: row.phone,
    requestId,
    details: { import_id: job.id, row: row.row, ...(row.column ? { column: row.column } : {}), ...extra },
  });
}

/** The entry a row's answer calls for: a contact created, or removed (gone already: most likely removed by
 * this import just before a crash; recorded all the same). */
export async function recordAnswer(recorder: Recorder, job: StoredJob, row: StoredRow, answer: RowAnswer) {
  if (answer.kind !== 'done' || answer.state === 'existed') return;
  if (answer.state === 'created') {
    await recordRow(recorder, job, row, 'contact.create', answer.contactId, answer.requestId);
  } else {
    const extra = answer.gone ? { already_gone: true } : {};
    await recordRow(recorder, job, row, 'contact.remove', row.contactId, answer.requestId, extra);
  }
}
