// /import: choose the numbers, map and check them, import; the recent imports below.
import type { ReactNode } from 'react';
import type { ProfileSelection } from '../../queries/profileSelection';
import { CheckedImport } from './CheckedImport';
import { profileLabel } from './labels';
import { RecentImports } from './RecentImports';
import { SourceStep } from './SourceStep';
import { useSourceReader } from './useSourceReader';

/** Served as a static file (public/), so it downloads before the app's JavaScript runs too. */
const TEMPLATE_PATH = '/import-template.csv';

export function NewImport({ selection, note }: { selection: ProfileSelection; note: ReactNode }) {
  const reader = useSourceReader();
  const { state } = reader;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Import contacts</h1>
          <p className="page-sub">
            Add many numbers to <strong>{profileLabel(selection, selection.profileId)}</strong> at once:
            choose a file, check the numbers, then import.
          </p>
        </div>
        <a className="btn" href={TEMPLATE_PATH} download="contacts-template.csv">
          Download template CSV
        </a>
      </div>
      {note}
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
