// /activity: the audit trail for admins. Who looked up, opened, revealed, edited or exported which contact,
// and who signed in: filtered by person, contact, number, action and date, paged by the server, downloadable
// as CSV (the download is itself recorded). The gateway decides who may read it; others see why not.
import { Link, useLocation, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { QueryBoundary } from '../../components/QueryBoundary';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { auditCsvPath, useAuditEntries } from '../../queries/activity';
import { SIGNED_IN_PAGE } from '../../shared/sessions';
import { ActivityFilters } from './ActivityFilters';
import { ActivityTable } from './ActivityTable';
import { type ActivityParams, activitySearch, parseActivityParams } from './activityParams';
import { PersonChoice, usePersonChoices } from './PersonField';
import './activity.css';

export function ActivityPage() {
  useDocumentTitle('Activity');
  const location = useLocation();
  const navigate = useNavigate();
  const params = parseActivityParams(new URLSearchParams(location.search));
  const query = useAuditEntries(params.filters, params.cursor, params.pageSize);
  const go = (next: Partial<ActivityParams>) =>
    navigate(`/activity${activitySearch({ ...params, ...next })}`);
  const filtered = Object.keys(params.filters).length > 0;

  // A person filter that is nobody's id: who they could mean, instead of an empty table.
  const choices = usePersonChoices(params.filters.actor);
  let body: React.ReactNode;
  if (choices && query.data?.pagination.total === 0) {
    body = <PersonChoice params={params} people={choices} />;
  } else if (query.data && query.data.pagination.total === 0) {
    body = (
      <EmptyState title={filtered ? 'No matching activity' : 'No activity yet'} icon="∅">
        <p>
          {filtered
            ? 'Nothing in the trail matches these filters.'
            : 'Lookups, opened contacts, edits, exports and sign-ins will be listed here.'}
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <ActivityTable
        data={query.data}
        stale={query.isPlaceholderData}
        params={params}
        onPageSize={(pageSize) => go({ pageSize, cursor: null })}
      />
    );
  }

  return (
    <main className="page" id="main">
      <ProgressBar active={query.isFetching && !query.isPending} />
      <div className="page-head">
        <div>
          <h1>Activity</h1>
          <p className="page-sub">Who looked up, opened, edited or exported contacts, newest first.</p>
        </div>
        <div className="activity-head-actions">
          <Link className="btn" to={SIGNED_IN_PAGE}>
            Who is signed in
          </Link>
          <a className="btn" href={auditCsvPath(params.filters)} download>
            Download CSV
          </a>
        </div>
      </div>
      <ActivityFilters filters={params.filters} onApply={(filters) => go({ filters, cursor: null })} />
      <section className="card" aria-label="Activity">
        <QueryBoundary query={query} title="Could not load activity" denied="Only admins can see activity">
          {body}
        </QueryBoundary>
      </section>
    </main>
  );
}
