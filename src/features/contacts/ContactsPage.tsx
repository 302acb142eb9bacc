import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import type { Contact } from '../../api/contacts';
import { isV1 } from '../../api/version';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Pager } from '../../components/Pager';
import { PageSizeSelect } from '../../components/PageSizeSelect';
import { ProgressBar } from '../../components/ProgressBar';
import { RangeSummary } from '../../components/RangeSummary';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useContactsPage } from '../../queries/contacts';
import {
  formFields,
  hasFilters,
  listHref,
  PAGE_SIZES,
  serializeListParams,
} from '../../url-state/listParams';
import { profileOnlySearch, useListParams } from '../../url-state/useListParams';
import { ExportButton } from '../export/ExportButton';
import { usePhoneMask } from '../privacy/privacy';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import type { ProfileScope } from '../profiles/useProfileScope';
import { ChannelFilter } from './ChannelFilter';
import { ContactsTable } from './ContactsTable';
import { contactColumnIds } from './columns';
import { LayoutButton } from './LayoutButton';
import { ListEmptyState } from './ListEmptyState';
import { LazyLookupResult, preloadScreens } from './lazyScreens';
import { PhoneLookup } from './PhoneLookup';
import { preloadPhoneLib, whenIdle } from './phone';
import { usePhoneParam } from './phoneParam';
import { SearchBox } from './SearchBox';
import { useTableLayout } from './tableLayout';
import { useCanonicalListUrl } from './useCanonicalListUrl';
import { useSlashShortcut } from './useSlashShortcut';

const HIDEABLE = contactColumnIds.filter((id) => id !== 'number');

export function ContactsPage({ scope }: { scope: ProfileScope }) {
  const [urlParams, update] = useListParams();
  // A number typed into the lookup's plain form arrives raw: normalised here (or explained) like the browser's own.
  const phoneParam = usePhoneParam(urlParams);
  // Legacy v1 has no search, channel filter, lookup or profiles: such URL values are ignored (and cleaned away).
  const params = useMemo(
    () =>
      isV1
        ? { ...urlParams, search: '', channel: undefined, phone: undefined, profile: undefined }
        : phoneParam.params,
    [urlParams, phoneParam.params],
  );
  const [layout, setLayout] = useTableLayout(HIDEABLE);
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const { profileId } = scope;

  const query = useContactsPage(
    profileId,
    { page: params.page, pageSize: params.page_size, search: params.search, channel: params.channel },
    scope.ready && !params.phone,
  );
  const data = query.data;
  const total = data?.pagination.total_count ?? 0;
  const pageCount = data?.pagination.total_pages ?? 1;

  const realData = query.isSuccess && !query.isPlaceholderData;
  const rejectedProfile = useCanonicalListUrl(params, update, {
    rejectedProfile: scope.rejectedProfile,
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
  const open = (contact: Contact) => {
    if (contact.id) navigate(detailHref(contact.id), { state: { from: listSearch } });
  };
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

  const authError = query.error instanceof ApiError && query.error.isAuth ? query.error : scope.authError;
  if (authError) return <LazyAuthProblem error={authError} />;

  const filtered = hasFilters(params);
  let body: React.ReactNode;
  if (params.phone) {
    body = (
      <Suspense fallback={null}>
        <LazyLookupResult
          profileId={profileId}
          ready={scope.ready && !phoneParam.pending}
          phone={params.phone}
          onFound={onFound}
          detailHref={detailHref}
          backHref={listHref({ ...params, phone: undefined })}
        />
      </Suspense>
    );
  } else if (scope.checkError) {
    body = (
      <ErrorPanel title="Could not check the profile" error={scope.checkError} onRetry={scope.retryCheck} />
    );
  } else if (query.isError) {
    body = <ErrorPanel error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  } else if (data && total === 0 && !query.isPlaceholderData) {
    body = <ListEmptyState params={params} filtered={filtered} onClear={clearFilters} />;
  } else {
    body = (
      <ContactsTable
        contacts={data?.contacts}
        rowCount={total}
        pagination={{ pageIndex: params.page - 1, pageSize: params.page_size }}
        layout={layout}
        onPaginationChange={(next) =>
          update(
            next.pageSize !== params.page_size
              ? { page_size: next.pageSize as typeof params.page_size }
              : { page: next.pageIndex + 1 },
          )
        }
        hrefFor={(contact) => detailHref(contact.id ?? '')}
        onOpen={open}
        loading={!data}
        stale={query.isPlaceholderData}
        renderFooter={(table) => (
          <footer className="table-footer">
            {data ? (
              <RangeSummary
                page={params.page}
                pageSize={params.page_size}
                total={total}
                noun={['contact', 'contacts']}
              />
            ) : (
              <p className="range muted">Loading contacts…</p>
            )}
            <PageSizeSelect
              value={params.page_size}
              options={PAGE_SIZES}
              onChange={(size) => table.setPageSize(size)}
              fields={formFields(params, 'page_size')}
            />
            <Pager
              page={params.page}
              pageCount={table.getPageCount()}
              onPageChange={(page) => table.setPageIndex(page - 1)}
              hrefFor={(page) => listHref({ ...params, page })}
              fields={formFields(params)}
              disabled={!data}
            />
          </footer>
        )}
      />
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
        {isV1 ? null : (
          <PhoneLookup
            onLookup={(phone) => update({ phone })}
            typed={{ text: urlParams.phone, region: urlParams.region, problem: phoneParam.problem?.reason }}
          />
        )}
      </div>
      {rejectedProfile ? (
        <p className="notice" role="status">
          That profile is not available to this key, so the contacts of{' '}
          {scope.account?.name ?? 'the account itself'} are shown.
        </p>
      ) : null}
      <div className="toolbar" role="toolbar" aria-label="Filters">
        {isV1 ? (
          <p className="notice v1-note">
            This account uses the legacy v1 API: search, channel filter, lookup and profiles need v3.
          </p>
        ) : (
          <>
            <SearchBox ref={searchRef} value={params.search} onSettle={onSearch} />
            <ChannelFilter value={params.channel} onChange={(channel) => update({ channel })} />
          </>
        )}
        {filtered && !params.phone ? (
          <button type="button" className="btn btn-ghost" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
        <ExportButton
          scope={scope}
          params={params}
          total={query.isPlaceholderData ? undefined : data?.pagination.total_count}
        />
        <LayoutButton layout={layout} onChange={setLayout} />
      </div>
      <section className="card" aria-label="Contact list">
        {body}
      </section>
    </main>
  );
}
