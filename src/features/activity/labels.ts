// Words for the trail's codes, and a one-line summary of an entry's details.
import type { BadgeTone } from '../../components/Badge';
import type { AuditAction, AuditEntry } from '../../queries/activity';

export const ACTION_LABELS: Record<AuditAction, string> = {
  lookup: 'Number lookup',
  'contact.open': 'Contact opened',
  'number.reveal': 'Number revealed',
  'contact.edit': 'Contact edited',
  'contact.create': 'Contact added',
  'contact.remove': 'Contact removed',
  'contacts.export': 'Contacts exported',
  'contacts.import': 'Contacts imported',
  'contacts.bulk_read': 'Bulk reading refused',
  'session.sign_in': 'Signed in',
  'session.sign_out': 'Signed out',
  'session.revoke': 'Signed out by an admin',
  'audit.export': 'Activity exported',
};

export const OUTCOME_TONES: Record<AuditEntry['outcome'], BadgeTone> = {
  ok: 'success',
  hit: 'success',
  miss: 'neutral',
  denied: 'danger',
  error: 'warning',
};

/** Why the gateway ended a session itself (identity/recheck.ts). */
const SIGN_OUT_REASONS: Record<string, string> = {
  access_removed: 'groups no longer give access',
  not_confirmed: 'the sign-in provider no longer confirms the session',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function describeFilters(filters: unknown): string {
  const entries = Object.entries((filters as Record<string, unknown> | null) ?? {});
  return entries.length ? entries.map(([k, v]) => `${k} “${show(v)}”`).join(', ') : 'no filters';
}

export function detailSummary(entry: AuditEntry): string {
  const d = entry.details;
  switch (entry.action) {
    case 'contact.edit': {
      const before = (d.before as Record<string, unknown> | undefined) ?? {};
      const after = (d.after as Record<string, unknown> | undefined) ?? {};
      const keys = Object.keys(after);
      return keys.length
        ? keys.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join('; ')
        : 'no change';
    }
    case 'contacts.export':
    case 'audit.export': {
      const rows = `${Number(d.row_count ?? 0).toLocaleString('en')} rows`;
      const status = typeof d.status === 'string' && d.status !== 'done' ? ` (${d.status})` : '';
      return `${rows}${status}, ${describeFilters(d.filters)}`;
    }
    case 'contacts.import': {
      const counts = (d.counts as Record<string, number> | undefined) ?? {};
      const created = `${(counts.created ?? 0).toLocaleString('en')} of ${(counts.total ?? 0).toLocaleString('en')} created`;
      return `${show(d.status)}: “${show(d.file_name)}”, ${created}`;
    }
    case 'contacts.bulk_read':
      return `${Number(d.read_in_window ?? 0).toLocaleString('en')} contacts read this hour (limit ${Number(d.limit_per_hour ?? 0).toLocaleString('en')})`;
    case 'session.revoke': {
      const ended = Number(d.ended ?? 0);
      return `${show(d.name)}: ${ended} session${ended === 1 ? '' : 's'} ended`;
    }
    case 'session.sign_out':
      return typeof d.reason === 'string' ? (SIGN_OUT_REASONS[d.reason] ?? d.reason) : '';
    default:
      return typeof d.code === 'string' ? `${d.code} (HTTP ${show(d.status)})` : '';
  }
}
