// The one way from a query to a screen: failure with its facts, a role's note, loading, or the content.
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { QueryBoundary, type QueryOutcome } from './QueryBoundary';

const failure = (status: number) =>
  Object.assign(new Error('Rate limit exceeded.'), { code: 'BUSINESS_002', status, requestId: 'req_42' });
const render = (query: Partial<QueryOutcome>, extra: { denied?: string; loading?: string } = {}) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <QueryBoundary
        query={{ error: null, isFetching: false, refetch: () => {}, ...query }}
        title="Could not load things"
        denied={extra.denied}
        loading={extra.loading}
      >
        <p>the rows</p>
      </QueryBoundary>
    </MemoryRouter>,
  );

describe('QueryBoundary', () => {
  it('shows a failure with nothing to show as its code, message, request id and Retry', () => {
    const html = render({ error: failure(429) });
    expect(html).toContain('Could not load things');
    expect(html).toContain('BUSINESS_002');
    expect(html).toContain('HTTP 429');
    expect(html).toContain('req_42');
    expect(html).toContain('Rate limit exceeded.');
    expect(html).toContain('Retry');
    expect(html).not.toContain('the rows');
  });

  it('keeps the data on screen when only a refresh failed', () => {
    expect(render({ error: failure(500), data: [] })).toContain('the rows');
  });

  it('says why for 401/403 when the screen has a note of its own, else shows the failure', () => {
    const denied = render({ error: failure(403) }, { denied: 'Only admins' });
    expect(denied).toContain('Only admins');
    expect(denied).not.toContain('Retry');
    expect(render({ error: failure(403) })).toContain('Retry');
  });

  it('shows its loading line until the first answer, or the content when it has none', () => {
    expect(render({}, { loading: 'Loading things…' })).toContain('Loading things…');
    expect(render({})).toContain('the rows');
  });
});
