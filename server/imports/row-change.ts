// What a row's answer does to the row: a final state, another attempt later (transient failures back off,
// never failing on the first; the 5th failure is final), or nothing (set aside by the budget, interrupted).
import type { RowAnswer, WorkMode } from './send-row.ts';
import type { RowChange, StoredRow } from './store.ts';

export const MAX_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

/** 2, 4, 8, 16 s… after the 1st, 2nd, 3rd, 4th failure (capped at a minute). */
export const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempts - 1));

/** A row that will not be acted on again: failed when importing; still created (with why) when undoing. */
function final(row: StoredRow, mode: WorkMode, reason: string, attempts: number, nowMs: number): RowChange {
  return mode === 'import'
    ? { state: 'failed', reason, contactId: null, attempts, dueAt: null, doneAt: nowMs }
    : {
        state: 'created',
        reason: `not removed: ${reason}`,
        contactId: row.contactId,
        attempts,
        dueAt: null,
        doneAt: nowMs,
      };
}

/** The change to store, or null when the row stays exactly as it is. */
export function rowChange(
  row: StoredRow,
  answer: RowAnswer,
  mode: WorkMode,
  nowMs: number,
): RowChange | null {
  const attempts = row.attempts + 1;
  switch (answer.kind) {
    case 'shed':
    case 'interrupted':
      return null;
    case 'done':
      return {
        state: answer.state,
        reason: answer.state === 'existed' ? 'already a contact' : null,
        contactId: answer.state === 'removed' ? row.contactId : answer.contactId,
        attempts,
        dueAt: null,
        doneAt: nowMs,
      };
    case 'refused':
      return final(row, mode, answer.reason, attempts, nowMs);
    case 'transient':
      if (attempts >= MAX_ATTEMPTS) {
        return final(row, mode, `${answer.reason} (after ${attempts} attempts)`, attempts, nowMs);
      }
      return {
        state: row.state,
        reason: answer.reason,
        contactId: row.contactId,
        attempts,
        dueAt: nowMs + Math.max(backoffMs(attempts), answer.retryAfterMs ?? 0),
        doneAt: null,
      };
  }
}
