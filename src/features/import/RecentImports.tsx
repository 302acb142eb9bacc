// The recent imports (the gateway keeps the last 50), newest first: any admin can open one to follow it
// or to read its receipt, even after closing the tab that started it.
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { QueryBoundary } from '../../components/QueryBoundary';
import { useImportJobs } from '../../queries/imports';
import { count } from './estimate';
import { formatWhen, JOB_STATUS, jobPath } from './labels';

export function RecentImports() {
  const query = useImportJobs();
  let body: React.ReactNode = null;
  if (query.data?.length === 0) {
    body = <p className="muted">No imports yet.</p>;
  } else if (query.data) {
    body = (
      <div className="table-scroll">
        <table className="table import-jobs">
          <caption className="sr-only">Recent imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Started by</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((job) => {
              const [label, tone] = JOB_STATUS[job.status];
              return (
                <tr key={job.id}>
                  <td>
                    <Link to={jobPath(job)}>{job.file_name}</Link>
                  </td>
                  <td>
                    <Badge tone={tone}>{label}</Badge>
                  </td>
                  <td>
                    {count(job.counts.created)} of {count(job.counts.total)}
                  </td>
                  <td>{job.created_by}</td>
                  <td>{formatWhen(job.created_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <section className="card import-step" aria-labelledby="recent-imports">
      <h2 id="recent-imports">Recent imports</h2>
      <QueryBoundary
        query={query}
        title="Could not load recent imports"
        loading={<p className="muted">Loading recent imports…</p>}
      >
        {body}
      </QueryBoundary>
    </section>
  );
}
