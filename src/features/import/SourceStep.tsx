// Step 1: a file (CSV, TSV, text, vCard, .xlsx) or pasted numbers. Reading starts as soon as a file is chosen.
import { useId, useState } from 'react';
import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import { IMPORT_MAX_ROWS } from '../../shared/imports';
import { count } from './estimate';
import type { SourceReader } from './useSourceReader';

const ACCEPT =
  '.csv,.tsv,.txt,.vcf,.vcard,.xlsx,text/csv,text/tab-separated-values,text/plain,text/vcard,text/x-vcard';

function ReadStatus({ reader }: { reader: SourceReader }) {
  const { state } = reader;
  if (state.kind === 'reading') {
    return (
      <p className="import-status" role="status">
        Reading {state.name}…{state.rowsRead ? ` ${count(state.rowsRead)} rows so far` : ''}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="field-problem" role="alert">
        Could not read {state.name}: {state.message}
      </p>
    );
  }
  return null;
}

export function SourceStep({ reader }: { reader: SourceReader }) {
  const id = useId();
  const [text, setText] = useState('');
  const disabled = useDisabledUntilHydrated();
  return (
    <section className="card import-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>1. Choose the numbers</h2>
      <div className="import-source">
        <div className="import-field">
          <label htmlFor={`${id}-file`}>A file: CSV, TSV, text, vCard (.vcf) or Excel (.xlsx)</label>
          <input
            id={`${id}-file`}
            className="import-file"
            type="file"
            accept={ACCEPT}
            disabled={disabled}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) reader.readFile(file);
              // Choosing the same file again (after fixing it on disk) must read it again.
              event.target.value = '';
            }}
          />
          <p className="muted">
            A contacts export (Google, Outlook, a phone's .vcf) or any list: every column with phone numbers
            is found, several numbers in a cell are split. Up to {count(IMPORT_MAX_ROWS)} rows.
          </p>
        </div>
        <form
          className="import-field"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() && !disabled) reader.readText(text);
          }}
        >
          <label htmlFor={`${id}-paste`}>Or paste numbers, one a line</label>
          <textarea
            id={`${id}-paste`}
            className="input import-paste"
            rows={4}
            value={text}
            disabled={disabled}
            onChange={(event) => setText(event.target.value)}
            placeholder={'+44 20 7946 0958\n020 7946 0959'}
          />
          <button type="submit" className="btn" aria-disabled={disabled}>
            Check pasted numbers
          </button>
        </form>
      </div>
      <ReadStatus reader={reader} />
    </section>
  );
}
