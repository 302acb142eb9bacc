// The trail's table: when, who, what, which contact, details, from where. The server pages (by cursor), so
// the table needs no TanStack feature: it shows the rows it is given.
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import type { AuditEntry } from '../../queries/activity';
import { ACTION_LABELS, detailSummary, OUTCOME_TONES } from './labels';

export const activityFeatures = tableFeatures({});
const column = createColumnHelper<typeof activityFeatures, AuditEntry>();

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const muted = (text: string) => <span className="muted">{text}</span>;

export const activityColumns = column.columns([
  column.accessor('at', {
    id: 'when',
    header: 'When',
    cell: (info) => <time dateTime={info.getValue()}>{when.format(new Date(info.getValue()))}</time>,
  }),
  column.accessor((entry) => entry.actor_name ?? entry.actor_id, {
    id: 'person',
    header: 'Person',
    cell: (info) => {
      const entry = info.row.original;
      return (
        <span className="activity-person" title={entry.actor_id}>
          {info.getValue()}
          {entry.actor_role ? <span className="muted"> · {entry.actor_role}</span> : null}
        </span>
      );
    },
  }),
  column.accessor('action', {
    id: 'action',
    header: 'Action',
    cell: (info) => {
      const { outcome } = info.row.original;
      return (
        <span className="activity-action">
          {ACTION_LABELS[info.getValue()] ?? info.getValue()}{' '}
          {outcome === 'ok' ? null : <Badge tone={OUTCOME_TONES[outcome]}>{outcome}</Badge>}
        </span>
      );
    },
  }),
  column.accessor('phone_masked', {
    id: 'number',
    header: 'Number',
    cell: (info) => {
      const entry = info.row.original;
      const number = info.getValue() ?? '—';
      if (!entry.contact_id) return <span className="number">{number}</span>;
      const profile = entry.profile_id ? `?profile=${encodeURIComponent(entry.profile_id)}` : '';
      return (
        <Link className="number" to={`/contacts/${encodeURIComponent(entry.contact_id)}${profile}`}>
          {number}
        </Link>
      );
    },
  }),
  column.accessor((entry) => detailSummary(entry), {
    id: 'details',
    header: 'Details',
    cell: (info) => info.getValue() || muted('—'),
  }),
  column.accessor('client_address', {
    id: 'client',
    header: 'Client',
    cell: (info) => (
      <span title={info.row.original.user_agent ?? undefined}>{info.getValue() ?? muted('—')}</span>
    ),
  }),
]);

export const activityColumnIds = ['when', 'person', 'action', 'number', 'details', 'client'] as const;
