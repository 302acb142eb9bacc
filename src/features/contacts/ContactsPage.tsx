import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { whenIdle } from '../../lib/idle';
import { preloadPhoneLib } from '../../lib/phone';
import { usePhoneMask } from '../../prefs/privacy';
import { useApiCapabilities } from '../../queries/capabilities';
import { type Contact, useContactsPage } from '../../queries/contacts';
import { useCan, usePerson } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { hasFilters, listHref, serializeListParams } from '../../url-state/listParams';
import { profileOnlySearch, useListParams } from '../../url-state/useListParams';
import { ExportButton } from '../export/ExportButton';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import { ChannelFilter } from './ChannelFilter';
import { ContactsList } from './ContactsList';
import { contactColumnIds } from './columns';
import { LayoutButton } from './LayoutButton';
import { ListEmptyState } from './ListEmptyState';
import { LazyLookupResult, preloadScreens } from './lazyScreens';
import { ManageActions } from './manage/ManageActions';
import type { ContactNotice } from './manage/notice';
import { PhoneLookup } from './PhoneLookup';
import { usePhoneParam } from './phoneParam';
import { authProblemOf, QueryBody } from './QueryBody';
import { SearchBox } from './SearchBox';
import { useTableLayout } from './tableLayout';
import { useCanonicalListUrl } from './useCanonicalListUrl';
import { useSlashShortcut } from './useSlashShortcut';

const HIDEABLE = contactColumnIds.filter((id) => id !== 'number');

export function ContactsPage({ selection }: { selection: ProfileSelection }) {
  const [urlParams, update] = useListParams();
  const { filters } = useApiCapabilities();
  // A number typed into the lookup's plain form arrives raw: normalised here (or explained) like the browser's own.
  const phoneParam = usePhoneParam(urlParams);
  const can = useCan();
  // Numbers masked for this role: the gateway refuses digit searches (a match would tell hidden digits).
  const digitsMasked = usePerson().data?.can.seeNumbers === false;
  // Legacy v1 has no search, channel filter, lookup or profiles: such URL values are ignored (and cleaned away).
  const params = useMemo(
    () =>
      filters
        ? phoneParam.params
        : { ...urlParams, search: '', channel: undefined, phone: undefined, profile: undefined },
    [urlParams, phoneParam.params, filters],
  );
  const [layout, setLayout] = useTableLayout(HIDEABLE);
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const { profileId } = selection;
  // Imported here rather than by ExportButton: there, the bundler splits the list's shared modules into
  // two more initial chunks (+0.9 kB).
  const needsScript = useDisabledUntilHydrated();

  const query = useContactsPage(
    profileId,
    { page: params.page, pageSize: params.page_size, search: params.search, channel: params.channel },
    selection.ready && !params.phone,
  );
  const data = query.data;
  const total = data?.pagination.total_count ?? 0;
  const pageCount = data?.pagination.total_pages ?? 1;

  const realData = query.isSuccess && !query.isPlaceholderData;
  const rejectedProfile = useCanonicalListUrl(params, update, {
    rejectedProfile: selection.rejectedProfile,
    totalPages: realData ? pageCount : undefined,
  });

  // The phone library and the detail screen are not needed for first paint: fetch them on idle once the
  // first rows are on screen, so they are ready before anyone types a number or opens a contact.
  useEffect(() => {
    if (!realData) return;
    preloadPhoneLib();
    whenIdle(preloadScreens);
  }, [realData]);

  useSlashShortcut(searchRef);
  const mask = usePhoneMask();
  useDocumentTitle(params.phone ? `Lookup ${mask(params.phone)}` : 'Contacts');

  const listSearch = serializeListParams({ ...params, phone: undefined }).toString();
  const detailHref = useCallback(
    (id: string) => `/contacts/${encodeURIComponent(id)}${profileOnlySearch(params.profile)}`,
    [params.profile],
  );
  const open = (contact: Contact, notice?: ContactNotice) => {
    if (contact.id) navigate(detailHref(contact.id), { state: { from: listSearch, notice } });
  };
  const [selecting, setSelecting] = useState(false);
  // Starting or clearing a search is a filter change (pushed, Back undoes it); refining the term while
  // typing replaces the entry, so Back does not step through every keystroke pause.
  const onSearch = useCallback(
    (search: string, previous: string) => update({ search }, { replace: Boolean(previous && search) }),
    [update],
  );
  const onFound = useCallback(
    (id: string) => navigate(detailHref(id), { replace: true, state: { from: listSearch } }),
    [navigate, detailHref, listSearch],
  );
  const clearFilters = () => update({ search: '', channel: undefined, phone: undefined });

  const authError = authProblemOf(query, selection);
  if (authError) return <LazyAuthProblem error={authError} />;

  const filtered = hasFilters(params);
  let body: React.ReactNode;
  if (params.phone) {
    body = (
      <Suspense fallback={null}>
        <LazyLookupResult
          profileId={profileId}
          ready={selection.ready && !phoneParam.pending}
          phone={params.phone}
          onFound={onFound}
          detailHref={detailHref}
          backHref={listHref({ ...params, phone: undefined })}
        />
      </Suspense>
    );
  } else {
    body = (
      <QueryBody selection={selection} query={query} errorTitle="Could not load contacts">
        {data && total === 0 && !query.isPlaceholderData ? (
          <ListEmptyState params={params} filtered={filtered} onClear={clearFilters} />
        ) : (
          <ContactsList
            data={data}
            stale={query.isPlaceholderData}
            params={params}
            layout={layout}
            update={update}
            hrefFor={(contact) => detailHref(contact.id ?? '')}
            onOpen={open}
            selection={selecting ? { profileId } : undefined}
          />
        )}
      </QueryBody>
    );
  }

  return (
    <main className="page" id="main">
      <ProgressBar active={query.isFetching && !query.isPending} />
      <div className="page-head">
        <div>
          <h1>Contacts</h1>
          <p className="page-sub">
            {data && !params.phone
              ? `${total.toLocaleString('en')} ${filtered ? 'matching' : 'in total'}`
              : '\u00a0'}
          </p>
        </div>
        {filters ? (
          <PhoneLookup
            onLookup={(phone) => update({ phone })}
            typed={{ text: urlParams.phone, region: urlParams.region, problem: phoneParam.problem?.reason }}
          />
        ) : null}
      </div>
      {rejectedProfile ? (
        <p className="notice" role="status">
          That profile is not available to this key, so the contacts of{' '}
          {selection.account?.name ?? 'the account itself'} are shown.
        </p>
      ) : null}
      <div className="toolbar" role="toolbar" aria-label="Search, filters and actions">
        {filters ? (
          <>
            {digitsMasked ? (
              <p className="notice">Numbers are masked for your role, so there is no search by digits.</p>
            ) : (
              <SearchBox ref={searchRef} value={params.search} onSettle={onSearch} />
            )}
            <ChannelFilter value={params.channel} onChange={(channel) => update({ channel })} />
          </>
        ) : (
          <p className="notice v1-note">
            This account uses the legacy v1 API: search, channel filter, lookup and profiles need v3.
          </p>
        )}
        {filtered && !params.phone ? (
          <button type="button" className="btn btn-ghost" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
        {can.export ? (
          <ExportButton
            selection={selection}
            params={params}
            total={query.isPlaceholderData ? undefined : data?.pagination.total_count}
            needsScript={needsScript}
          />
        ) : null}
        <LayoutButton layout={layout} onChange={setLayout} />
        {can.manageContacts && filters ? (
          <ManageActions
            profileId={profileId}
            selecting={params.phone ? undefined : { on: selecting, toggle: () => setSelecting(!selecting) }}
            onOpen={(id, notice) => open({ id }, notice)}
            needsScript={needsScript}
          />
        ) : null}
      </div>
      <section className="card" aria-label="Contact list">
        {body}
      </section>
    </main>
  );
}
