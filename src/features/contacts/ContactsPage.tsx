// "/": the organization's (or a profile's) contacts. The screen's decisions live in useContactsScreen; this
// file lays it out: heading with the count and the number lookup, the toolbar, then the list or a lookup.
import { useCallback, useRef, useState } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { usePhoneMask } from '../../prefs/privacy';
import type { ProfileSelection } from '../../queries/profileSelection';
import { hasFilters } from '../../url-state/listParams';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import { ContactsBody } from './ContactsBody';
import { ContactsToolbar } from './ContactsToolbar';
import { contactColumnIds } from './columns';
import { PhoneLookup } from './PhoneLookup';
import { authProblemOf } from './QueryBody';
import { useTableLayout } from './tableLayout';
import { useContactsScreen } from './useContactsScreen';
import { useSlashShortcut } from './useSlashShortcut';

const HIDEABLE = contactColumnIds.filter((id) => id !== 'number');

export function ContactsPage({ selection }: { selection: ProfileSelection }) {
  const screen = useContactsScreen(selection);
  const { params, query, update } = screen;
  const [layout, setLayout] = useTableLayout(HIDEABLE);
  const [selecting, setSelecting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // Imported here rather than by ExportButton: there, the bundler splits the list's shared modules into
  // two more initial chunks (+0.9 kB).
  const needsScript = useDisabledUntilHydrated();
  useSlashShortcut(searchRef);
  const mask = usePhoneMask();
  useDocumentTitle(params.phone ? `Lookup ${mask(params.phone)}` : 'Contacts');
  // Starting or clearing a search is a filter change (pushed, Back undoes it); refining the term while
  // typing replaces the entry, so Back does not step through every keystroke pause.
  const onSearch = useCallback(
    (search: string, previous: string) => update({ search }, { replace: Boolean(previous && search) }),
    [update],
  );

  const authError = authProblemOf(query, selection);
  if (authError) return <LazyAuthProblem error={authError} />;

  const total = query.data?.pagination.total_count ?? 0;
  return (
    <main className="page" id="main">
      <ProgressBar active={query.isFetching && !query.isPending} />
      <div className="page-head">
        <div>
          <h1>Contacts</h1>
          <p className="page-sub">
            {query.data && !params.phone
              ? `${total.toLocaleString('en')} ${hasFilters(params) ? 'matching' : 'in total'}`
              : '\u00a0'}
          </p>
        </div>
        {screen.filters ? (
          <PhoneLookup
            onLookup={(phone, all) => update({ phone, in: all ? 'all' : undefined })}
            typed={{
              text: screen.urlParams.phone,
              region: screen.urlParams.region,
              problem: screen.phoneParam.problem?.reason,
            }}
            everywhere={screen.scopes.length > 1 ? screen.everywhere : undefined}
          />
        ) : null}
      </div>
      {screen.rejectedProfile ? (
        <p className="notice" role="status">
          That profile is not available to this key, so the contacts of{' '}
          {selection.account?.name ?? 'the account itself'} are shown.
        </p>
      ) : null}
      <ContactsToolbar
        screen={screen}
        selection={selection}
        searchRef={searchRef}
        onSearch={onSearch}
        layout={[layout, setLayout]}
        selecting={{ on: selecting, toggle: () => setSelecting(!selecting) }}
        needsScript={needsScript}
      />
      <section className="card" aria-label="Contact list">
        <ContactsBody screen={screen} selection={selection} layout={layout} selecting={selecting} />
      </section>
    </main>
  );
}
