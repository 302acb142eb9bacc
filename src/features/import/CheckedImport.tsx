// Steps 2 to 4 for one file (or sheet): which columns and header row, the check with its fixes, the run.
import { useState } from 'react';
import { defaultRegion, usePrefs } from '../../prefs/prefs';
import type { ProfileSelection } from '../../queries/profileSelection';
import { IMPORT_MAX_ROWS } from '../../shared/imports';
import { CheckStep } from './CheckStep';
import { detectLayout } from './detect';
import { count } from './estimate';
import { type Mapping, MappingStep } from './MappingStep';
import { RunStep } from './RunStep';
import { type SourceTable, unitOf } from './readSource';
import { useClassification } from './useClassification';
import { useExistingNumbers } from './useExistingNumbers';
import { useRowCheck } from './useRowCheck';

/** Rows the layout guess looks at (the header candidate, then a sample). */
const GUESS_ROWS = 201;

export function CheckedImport(props: {
  table: SourceTable;
  selection: ProfileSelection;
  onPickSheet: (index: number) => void;
}) {
  const { table, selection } = props;
  const prefs = usePrefs();
  const [mapping, setMapping] = useState<Mapping>(() => {
    // A vCard's header row is made from its cards (row 0), never guessed.
    const fixedHeader = table.summary.header !== null;
    const layout = detectLayout(table.cells.slice(0, GUESS_ROWS), table.counts, fixedHeader);
    return { headerIndex: layout.headerIndex, columns: layout.phoneColumns, region: defaultRegion(prefs) };
  });
  const dataRows = table.rows.length - (mapping.headerIndex === null ? 0 : mapping.headerIndex + 1);
  const tooMany = table.summary.tooMany || dataRows > IMPORT_MAX_ROWS;
  const check = useRowCheck({ table, ...mapping });
  const [attempt, setAttempt] = useState(0);
  const existing = useExistingNumbers(
    selection.profileId,
    check.rows !== null && selection.ready,
    check.firstPass?.counts.ready ?? 0,
    attempt,
    check.run,
  );
  const known = existing.kind === 'known' ? existing.numbers : null;
  const classification = useClassification(check.rows, check.firstPass, known, check.naming);

  return (
    <>
      <MappingStep table={table} mapping={mapping} onChange={setMapping} onPickSheet={props.onPickSheet} />
      {tooMany ? (
        <p className="field-problem import-too-many" role="alert">
          This {table.sheets ? 'sheet' : 'file'} has more than {count(IMPORT_MAX_ROWS)} {unitOf(table)}s:
          split it into smaller files and import them one after another.
        </p>
      ) : mapping.columns.length === 0 ? null : (
        <>
          <CheckStep check={check} classification={classification} unit={unitOf(table)} />
          {classification && check.rows ? (
            <RunStep
              table={table}
              selection={selection}
              region={mapping.region}
              rows={check.rows}
              classification={classification}
              existing={existing}
              onRetryExisting={() => setAttempt((n) => n + 1)}
            />
          ) : null}
        </>
      )}
    </>
  );
}
