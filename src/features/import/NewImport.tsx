// /import: choose the numbers, map and check them, import; the recent imports below.
import { ScriptNote } from '../../components/ScriptNote';
import type { ProfileSelection } from '../../queries/profileSelection';
import { CheckedImport } from './CheckedImport';
import { RecentImports } from './RecentImports';
import { SourceStep } from './SourceStep';
import { useSourceReader } from './useSourceReader';

/** Served as a static file (public/), so it downloads before the app's JavaScript runs too. */
const TEMPLATE_PATH = '/import-template.csv';

/** The profile the numbers go to, by name. */
export function profileLabel(selection: ProfileSelection): string {
  const profile = selection.profiles.find((p) => p.id === selection.profileId);
  return profile?.name ?? selection.account?.name ?? 'this account';
}

export function NewImport({ selection }: { selection: ProfileSelection }) {
  const reader = useSourceReader();
  const { state } = reader;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Import contacts</h1>
          <p className="page-sub">
            Add many numbers to <strong>{profileLabel(selection)}</strong> at once: choose a file, check the
            numbers, then import.
          </p>
        </div>
        <a className="btn" href={TEMPLATE_PATH} download="contacts-template.csv">
          Download template CSV
        </a>
      </div>
      <ScriptNote className="script-note-inline">
        Importing needs JavaScript, which has not started (or is off): files are read and checked in this
        browser. Recent imports and the template already work.
      </ScriptNote>
      <SourceStep reader={reader} />
      {state.kind === 'read' ? (
        <CheckedImport
          // A new file (or sheet) starts the mapping and the check afresh.
          key={`${state.table.sha256}:${state.table.sheets?.current ?? 0}`}
          table={state.table}
          selection={selection}
          onPickSheet={reader.pickSheet}
        />
      ) : null}
      <RecentImports />
    </>
  );
}
