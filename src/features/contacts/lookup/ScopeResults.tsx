import { Link } from 'react-router';
import { describeError } from '../../../queries/errors';
import { usePhoneLookups } from '../../../queries/phoneLookup';
import { profileOnlySearch } from '../../../url-state/useListParams';
import type { LookupScope } from '../lookupScopes';

/**
 * Where the number lives among the person's profiles: one lookup per profile, sent together, each with a
 * link that opens the contact there (switching profile). Server-rendered like the rest of the lookup.
 */
export function ScopeResults({
  scopes,
  phone,
  ready,
  title,
}: {
  scopes: readonly LookupScope[];
  phone: string;
  ready: boolean;
  title: string;
}) {
  const results = usePhoneLookups(
    scopes.map((s) => s.profileId),
    phone,
    ready,
  );
  const found = results.filter((r) => r.data?.id).length;
  const settled = results.every((r) => r.data !== undefined || r.isError);
  return (
    <section className="lookup-panel" aria-labelledby="scope-results-title">
      <h2 id="scope-results-title">{title}</h2>
      <p className="muted" role="status">
        {settled
          ? found
            ? `Found in ${found} of ${scopes.length}.`
            : `In none of ${scopes.length === 1 ? 'them' : `these ${scopes.length}`}.`
          : `Looking in ${scopes.length}…`}
      </p>
      <ul className="scope-results">
        {scopes.map((scope, index) => {
          const result = results[index];
          const contact = result?.data;
          let state: React.ReactNode;
          if (contact?.id) {
            state = (
              <Link
                className="btn btn-small"
                to={`/contacts/${encodeURIComponent(contact.id)}${profileOnlySearch(scope.profileId ?? undefined)}`}
              >
                Open in {scope.name}
              </Link>
            );
          } else if (contact === null) state = <span className="muted">Not here</span>;
          else if (result?.isError) {
            const error = describeError(result.error);
            state = (
              <span className="scope-error">
                {error.code}: {error.message}{' '}
                <button type="button" className="btn btn-small" onClick={() => result.refetch()}>
                  Retry
                </button>
              </span>
            );
          } else state = <span className="muted">Looking…</span>;
          return (
            <li key={scope.profileId ?? 'organization'} data-found={contact?.id ? '' : undefined}>
              <span className="scope-name">{scope.name}</span>
              {state}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
