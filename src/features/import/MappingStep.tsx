// Step 2: where the numbers are. The guesses (header row, phone columns) are preselected and explained;
// every choice reruns the check.
import { useEffect, useId, useMemo, useState } from 'react';
import { CodeOptions } from '../../components/CodeOptions';
import { loadPhoneLib } from '../../lib/phone';
import { regionName } from '../../lib/regions';
import { ColumnPicker } from './ColumnPicker';
import { describeColumns } from './detect';
import { count } from './estimate';
import { type SourceTable, unitOf } from './readSource';

export interface Mapping {
  headerIndex: number | null;
  /** The phone number columns, left to right. */
  columns: number[];
  region: string;
}

/** Header rows one may pick: the first few rows (titles above a header are common in exports). */
const HEADER_CHOICES = 5;
const SAMPLE = 201;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };

function useRegionOptions(current: string) {
  const [options, setOptions] = useState<{ code: string; label: string }[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadPhoneLib().then((lib) => live && setOptions(lib.regionOptions()));
    return () => {
      live = false;
    };
  }, []);
  return options ?? [{ code: current, label: regionName(current) }];
}

function Summary({ table }: { table: SourceTable }) {
  const { summary } = table;
  const vcard = summary.format === 'vcard';
  const parts = [vcard ? `${count(summary.rowCount)} cards` : `${count(summary.rowCount)} rows`];
  if (vcard && summary.versions.length) parts.push(`vCard ${summary.versions.join(', ')}`);
  if (summary.delimiter) parts.push(`separated by ${DELIMITER_NAMES[summary.delimiter]}`);
  if (summary.blankRows) parts.push(`${count(summary.blankRows)} empty ${vcard ? 'cards' : 'rows'} skipped`);
  return (
    <p className="muted">
      {table.name}: {parts.join(', ')}.
      {summary.quoteProblems.length ? (
        <span className="import-warning">
          {' '}
          A quote is not closed in row {summary.quoteProblems[0]}: the rows after it may have run together.
        </span>
      ) : null}
    </p>
  );
}

export function MappingStep(props: {
  table: SourceTable;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onPickSheet: (index: number) => void;
}) {
  const { table, mapping, onChange } = props;
  const id = useId();
  const sample = useMemo(() => table.cells.slice(0, SAMPLE), [table]);
  const columns = useMemo(
    () => describeColumns(sample, mapping.headerIndex, table.counts),
    [sample, mapping.headerIndex, table.counts],
  );
  const regions = useRegionOptions(mapping.region);
  const set = (patch: Partial<Mapping>) => onChange({ ...mapping, ...patch });
  const preview = (index: number) => (table.cells[index] ?? []).filter(Boolean).join(' · ').slice(0, 60);

  return (
    <section className="card import-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>2. Where the numbers are</h2>
      <Summary table={table} />
      <div className="import-mapping">
        {table.sheets && table.sheets.names.length > 1 ? (
          <div className="import-field">
            <label htmlFor={`${id}-sheet`}>Sheet</label>
            <select
              id={`${id}-sheet`}
              className="select"
              value={table.sheets.current}
              onChange={(event) => props.onPickSheet(Number(event.target.value))}
            >
              {table.sheets.names.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {table.summary.header ? null : (
          <div className="import-field">
            <label htmlFor={`${id}-header`}>Header row</label>
            <select
              id={`${id}-header`}
              className="select"
              value={mapping.headerIndex ?? ''}
              onChange={(event) =>
                set({ headerIndex: event.target.value === '' ? null : Number(event.target.value) })
              }
            >
              <option value="">None: every row is a number</option>
              {table.rows.slice(0, HEADER_CHOICES).map((row, index) => (
                <option key={row} value={index}>
                  Row {row}: {preview(index)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="import-field">
          <label htmlFor={`${id}-region`}>Numbers without a country code are in</label>
          <select
            id={`${id}-region`}
            className="select"
            value={mapping.region}
            onChange={(event) => set({ region: event.target.value })}
          >
            <CodeOptions options={regions} />
          </select>
        </div>
      </div>
      <ColumnPicker
        columns={columns}
        chosen={mapping.columns}
        unit={unitOf(table)}
        onChange={(picked) => set({ columns: picked })}
      />
    </section>
  );
}
