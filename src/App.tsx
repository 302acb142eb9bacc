import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, Suspense, useEffect } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { EmptyState } from './components/EmptyState';
import { ScriptNote } from './components/ScriptNote';
import { LazyActivityPage } from './features/activity/LazyActivityPage';
import { ContactsPage } from './features/contacts/ContactsPage';
import { LazyContactDetail } from './features/contacts/lazyScreens';
import { LazyImportPage } from './features/import/LazyImportPage';
import { SignedInAs } from './features/person/SignedInAs';
import { PrivacyToggle } from './features/privacy/PrivacyToggle';
import { AccountSwitcher } from './features/profiles/AccountSwitcher';
import { LazySignedInPage } from './features/sessions/LazySignedInPage';
import { type Prefs, PrefsContext } from './prefs/prefs';
import { ApiCapabilitiesContext, type ApiVersion, capabilitiesOf } from './queries/capabilities';
import { useCan } from './queries/person';
import { useProfileSelection } from './queries/profileSelection';
import { useRateLimit } from './queries/rateLimit';
import { SIGNED_IN_PAGE } from './shared/sessions';
import { profileOnlySearch, useRequestedProfile } from './url-state/useListParams';

/** What the gateway says of the team's budget (X-RateLimit-Mode), after the figures. */
const MODE_NOTES = {
  local: '',
  redis: ' · shared by every gateway',
  'local-fallback': " · this gateway's part (shared state unreachable)",
} as const;

function RateLimitNote() {
  const rate = useRateLimit();
  if (!rate) return null;
  const low = rate.remaining < rate.limit * 0.1;
  return (
    <p className={low ? 'rate rate-low' : 'rate'}>
      {rate.mode ? 'Team API budget' : 'API budget'}: {rate.remaining}/{rate.limit} requests left this minute
      {rate.mode ? MODE_NOTES[rate.mode] : ''}
    </p>
  );
}

/** What a lazy screen shows while its chunk loads: its heading at once, so the page does not jump. */
function Loading({ title, note }: { title: string; note: string }) {
  return (
    <main className="page" id="main" aria-busy="true">
      <h1>{title}</h1>
      <p className="page-sub">{note}</p>
    </main>
  );
}

function Shell() {
  const selection = useProfileSelection(useRequestedProfile());
  const location = useLocation();
  const home = `/${profileOnlySearch(selection.profileId ?? undefined)}`;
  const can = useCan();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        {/* Named by its visible text (WCAG 2.5.3, "label in name"), with where it goes for screen readers. */}
        <Link to={home} className="brand">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="brand-mark">
            <path d="M3 11.5 21 3l-6.5 18-3.2-7.3L3 11.5Z" />
          </svg>
          <span className="brand-name">Sent</span> <span className="brand-section">Contacts</span>
          <span className="sr-only">, home</span>
        </Link>
        <div className="topbar-end">
          {can.manageContacts ? (
            <Link
              to={`/import${profileOnlySearch(selection.profileId ?? undefined)}`}
              className="btn btn-ghost topbar-link"
            >
              Import
            </Link>
          ) : null}
          {can.readAudit ? (
            <Link to="/activity" className="btn btn-ghost topbar-link">
              Activity
            </Link>
          ) : null}
          <PrivacyToggle />
          <AccountSwitcher selection={selection} />
          <SignedInAs />
        </div>
      </header>
      <Routes>
        <Route path="/" element={<ContactsPage selection={selection} />} />
        <Route
          path="/contacts/:id"
          element={
            <Suspense fallback={<main className="page" id="main" aria-busy="true" />}>
              <LazyContactDetail key={location.pathname} selection={selection} />
            </Suspense>
          }
        />
        <Route
          path="/activity"
          element={
            <Suspense fallback={<Loading title="Activity" note="Loading activity…" />}>
              <LazyActivityPage />
            </Suspense>
          }
        />
        <Route
          path={SIGNED_IN_PAGE}
          element={
            <Suspense fallback={<Loading title="Signed in" note="Loading who is signed in…" />}>
              <LazySignedInPage />
            </Suspense>
          }
        />
        <Route
          path="/import/:jobId?"
          element={
            <Suspense fallback={<Loading title="Import contacts" note="Loading the importer…" />}>
              <LazyImportPage selection={selection} />
            </Suspense>
          }
        />
        <Route
          path="*"
          element={
            <main className="page" id="main">
              <EmptyState
                title="Page not found"
                action={
                  <Link className="btn btn-primary" to={home}>
                    Go to contacts
                  </Link>
                }
              >
                <p>
                  There is nothing at <code>{location.pathname}</code>.
                </p>
              </EmptyState>
            </main>
          }
        />
      </Routes>
      <footer className="app-foot">
        <RateLimitNote />
      </footer>
      {/* The Import screen says itself, at the top, that it needs JavaScript. */}
      {location.pathname.startsWith('/import') ? null : <ScriptNote />}
    </div>
  );
}

export interface AppProps {
  queryClient: QueryClient;
  prefs: Prefs;
  /** BrowserRouter in the browser (src/main.tsx), StaticRouter on the server (src/entry-server.tsx). */
  router: ComponentType<{ children: ReactNode }>;
  /** The API the server-side key speaks (src/api/version.ts); v3 unless the page says otherwise. */
  apiVersion?: ApiVersion;
}

export function App({ queryClient, prefs, router: Router, apiVersion = 'v3' }: AppProps) {
  // Server-rendered controls do nothing until React has taken over; this marks that moment (the CSS shows
  // a busy cursor until then, and tests wait for it before they click).
  useEffect(() => {
    document.documentElement.dataset.ready = '';
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiCapabilitiesContext value={capabilitiesOf(apiVersion)}>
        <PrefsContext value={prefs}>
          <Router>
            <Shell />
          </Router>
        </PrefsContext>
      </ApiCapabilitiesContext>
    </QueryClientProvider>
  );
}
