// Newest / newer / older: the trail is paged by cursors (a place in the order, not a page number), so a page
// stays put while new entries arrive above it. Real links: they work before the app's JavaScript runs.
import { Link } from 'react-router';
import type { AuditPage } from '../../queries/activity';
import { type ActivityParams, activitySearch } from './activityParams';

function Step({ to, children }: { to: string | null; children: React.ReactNode }) {
  return to === null ? (
    // biome-ignore lint/a11y/useValidAnchor: a disabled link, announced as such (aria-disabled)
    <a className="btn btn-small" role="link" aria-disabled="true">
      {children}
    </a>
  ) : (
    <Link className="btn btn-small" to={to}>
      {children}
    </Link>
  );
}

export function ActivityPager({
  params,
  pagination,
}: {
  params: ActivityParams;
  pagination: AuditPage['pagination'] | undefined;
}) {
  const href = (cursor: ActivityParams['cursor']) => `/activity${activitySearch({ ...params, cursor })}`;
  const { older = null, newer = null } = pagination ?? {};
  return (
    <nav className="pager activity-pager" aria-label="Pages">
      <Step to={params.cursor ? href(null) : null}>
        <span aria-hidden="true">« </span>Newest
      </Step>
      <Step to={newer ? href({ after: newer }) : null}>
        <span aria-hidden="true">‹ </span>Newer
      </Step>
      <Step to={older ? href({ before: older }) : null}>
        Older<span aria-hidden="true"> ›</span>
      </Step>
    </nav>
  );
}

const fmt = (n: number) => n.toLocaleString('en');

/** "50 of 1,234 entries", or "50 of more than 10,000 entries" when the count stopped there. */
export function ActivityRange({ page }: { page: AuditPage }) {
  const { total, total_exact } = page.pagination;
  const noun = total === 1 && total_exact ? 'entry' : 'entries';
  const of = total_exact ? fmt(total) : `more than ${fmt(total)}`;
  return (
    <p className="range" aria-live="polite">
      {page.data.length === total && total_exact
        ? `${of} ${noun}`
        : `${fmt(page.data.length)} of ${of} ${noun}`}
    </p>
  );
}
