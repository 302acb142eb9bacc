// The phone number columns, one checkbox each, with how many numbers each holds over the whole file: the
// guessed ones ticked. Columns without a number-like cell wait behind "Other columns", so a 90-column
// Outlook export shows its handful of phone columns first.
import './ColumnPicker.css';
import type { ColumnGuess } from './detect';
import { count } from './estimate';

function Option(props: {
  column: ColumnGuess;
  checked: boolean;
  unit: 'row' | 'card';
  onToggle: (index: number, on: boolean) => void;
}) {
  const { column, unit } = props;
  const facts = column.numbers
    ? `${count(column.numbers)} number${column.numbers === 1 ? '' : 's'} in ${count(column.phoneCells)} of ${count(column.filled)} ${unit}s`
    : column.filled
      ? `no numbers in ${count(column.filled)} ${unit}${column.filled === 1 ? '' : 's'}`
      : 'empty';
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onToggle(column.index, event.target.checked)}
        />
        <span className="import-column-name">{column.name}</span>
        <span className="muted">
          {facts}
          {column.example ? ` · e.g. ${column.example.slice(0, 32)}` : ''}
        </span>
      </label>
    </li>
  );
}

export function ColumnPicker(props: {
  columns: readonly ColumnGuess[];
  chosen: readonly number[];
  unit: 'row' | 'card';
  onChange: (columns: number[]) => void;
}) {
  const chosen = new Set(props.chosen);
  const toggle = (index: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(index);
    else next.delete(index);
    props.onChange([...next].sort((a, b) => a - b));
  };
  const shown = (c: ColumnGuess) => c.phoneCells > 0 || chosen.has(c.index);
  const option = (column: ColumnGuess) => (
    <Option
      key={column.index}
      column={column}
      checked={chosen.has(column.index)}
      unit={props.unit}
      onToggle={toggle}
    />
  );
  const others = props.columns.filter((c) => !shown(c));
  return (
    <fieldset className="import-columns">
      <legend>Phone number columns</legend>
      <ul>{props.columns.filter(shown).map(option)}</ul>
      {others.length ? (
        <details>
          <summary>Other columns ({others.length})</summary>
          <ul>{others.map(option)}</ul>
        </details>
      ) : null}
      {chosen.size === 0 ? (
        <p className="field-problem" role="alert">
          Tick at least one column with phone numbers.
        </p>
      ) : null}
    </fieldset>
  );
}
