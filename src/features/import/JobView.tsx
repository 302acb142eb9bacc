// /import/<id>: one import, followed live while the gateway works through it (polled about once a
// second), then its receipt. Any admin can open it, from the recent imports or the address.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { QueryBoundary } from '../../components/QueryBoundary';
import { isNotFound } from '../../queries/errors';
import { type ImportJob, importRowsCsvPath, useImportJob } from '../../queries/imports';
import type { ProfileSelection } from '../../queries/profileSelection';
import type { JobStatus, RowCounts } from '../../shared/imports';
import { profileOnlySearch } from '../../url-state/useListParams';
import { count, formatDuration } from './estimate';
import { JobControls } from './JobControls';
import { formatWhen, JOB_STATUS, profileLabel } from './labels';
import { UndoImport } from './UndoImport';
import './job.css';

const COUNT_LABELS: [keyof RowCounts, string][] = [
  ['created', 'Created'],
  ['existed', 'Already existed'],
  ['invalid', 'Invalid'],
  ['duplicate', 'Duplicate'],
  ['failed', 'Failed'],
  ['pending', 'Waiting'],
  ['removed', 'Removed'],
];

const FINISHED: ReadonlySet<JobStatus> = new Set(['done', 'cancelled', 'undone']);

function JobProgress({ job }: { job: ImportJob }) {
  const { counts } = job;
  const undoing = job.status === 'undoing' || job.status === 'undone';
  const max = undoing ? counts.created + counts.removed : counts.total;
  const value = undoing ? counts.removed : counts.total - counts.pending;
  const pace = [
    job.rows_per_min !== null ? `${count(Math.round(job.rows_per_min))} rows/min` : null,
    job.eta_seconds !== null ? `${formatDuration(job.eta_seconds)} left` : null,
  ].filter(Boolean);
  return (
    <div className="import-progress">
      <progress
        max={Math.max(1, max)}
        value={value}
        aria-label={undoing ? 'Contacts removed' : 'Rows done'}
      />
      <p>
        <strong>{count(value)}</strong> of {count(max)} {undoing ? 'created contacts removed' : 'rows done'}
        {pace.length ? <span className="muted"> · {pace.join(' · ')}</span> : null}
      </p>
      <dl className="import-counts" aria-live="polite">
        {COUNT_LABELS.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd>{count(counts[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Receipt({ job, profile }: { job: ImportJob; profile: string }) {
  const failed = job.counts.invalid + job.counts.duplicate + job.counts.failed;
  return (
    <section className="card import-step" aria-labelledby="receipt-title">
      <h2 id="receipt-title">Receipt</h2>
      <dl className="import-receipt">
        <div>
          <dt>File</dt>
          <dd>{job.file_name}</dd>
        </div>
        {job.columns.length ? (
          <div>
            <dt>Numbers from</dt>
            <dd>{job.columns.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>Started by</dt>
          <dd>{job.created_by}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatWhen(job.created_at)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{formatWhen(job.finished_at)}</dd>
        </div>
        <div>
          <dt>Profile</dt>
          <dd>{profile}</dd>
        </div>
      </dl>
      <p className="import-downloads">
        <a className="btn" href={importRowsCsvPath(job.id, 'failed')} download>
          Download failed rows (CSV, {count(failed)})
        </a>
        <a className="btn" href={importRowsCsvPath(job.id, 'created')} download>
          Download created (CSV, {count(job.counts.created)})
        </a>
      </p>
      {job.status !== 'undone' && job.counts.created > 0 ? <UndoImport job={job} /> : null}
    </section>
  );
}

export function JobView(props: { id: string; selection: ProfileSelection; note: ReactNode }) {
  const { id } = props;
  const query = useImportJob(id);
  const job = query.data;
  let body: React.ReactNode = null;
  if (job) {
    const [label, tone] = JOB_STATUS[job.status];
    body = (
      <>
        <section className="card import-step" aria-label="Progress">
          <p className="import-job-status">
            <Badge tone={tone}>{label}</Badge>{' '}
            <span className="muted">
              started by {job.created_by}, {formatWhen(job.created_at)}
            </span>
          </p>
          <JobProgress job={job} />
          <JobControls job={job} />
        </section>
        {FINISHED.has(job.status) ? (
          <Receipt job={job} profile={profileLabel(props.selection, job.profile_id)} />
        ) : null}
      </>
    );
  }
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to={`/import${profileOnlySearch(job?.profile_id ?? undefined)}`} className="back-link">
          ← Imports
        </Link>
      </nav>
      <h1>{job ? `Import of ${job.file_name}` : 'Import'}</h1>
      {props.note}
      {!job && isNotFound(query.error) ? (
        <EmptyState title="No such import" icon="∅">
          <p>There is no import with this id. It may have been started on another console.</p>
        </EmptyState>
      ) : (
        <QueryBoundary
          query={query}
          title="Could not load the import"
          loading={<p className="muted">Loading the import…</p>}
        >
          {body}
        </QueryBoundary>
      )}
    </>
  );
}
