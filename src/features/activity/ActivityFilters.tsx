// The filter form: applied on submit (one request per search, not per keystroke), cleared in one click.
// Without the app's JavaScript it is a plain GET form of the same fields.
import { type FormEvent, useId } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from '../../queries/activity';
import { ACTION_LABELS } from './labels';
import { PersonField } from './PersonField';

const TEXT_FIELDS = [
  ['contact_id', 'Contact', 'Contact id'],
  ['number', 'Number', 'Number or last 2 digits'],
] as const;

export function ActivityFilters({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: AuditFilters = {};
    for (const key of ['actor', ...TEXT_FIELDS.map(([name]) => name)] as const) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    const action = String(form.get('action') ?? '');
    if (action) next.action = action as AuditAction;
    for (const key of ['from', 'to'] as const) {
      const value = String(form.get(key) ?? '');
      if (value) next[key] = value;
    }
    onApply(next);
  };
  // Keyed by the applied filters: a link or Back with other filters resets what the fields show.
  return (
    <form
      key={JSON.stringify(filters)}
      className="activity-filters"
      onSubmit={submit}
      aria-label="Filter activity"
    >
      <PersonField id={`${id}-actor`} initial={filters.actor ?? ''} />
      {TEXT_FIELDS.map(([key, label, placeholder]) => (
        <label key={key} className="activity-field" htmlFor={`${id}-${key}`}>
          <span>{label}</span>
          <input
            id={`${id}-${key}`}
            className="input"
            name={key}
            defaultValue={filters[key] ?? ''}
            placeholder={placeholder}
            autoComplete="off"
          />
        </label>
      ))}
      <label className="activity-field" htmlFor={`${id}-action`}>
        <span>Action</span>
        <select id={`${id}-action`} className="select" name="action" defaultValue={filters.action ?? ''}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </label>
      <label className="activity-field" htmlFor={`${id}-from`}>
        <span>From</span>
        <input
          id={`${id}-from`}
          className="input"
          type="date"
          name="from"
          defaultValue={filters.from ?? ''}
        />
      </label>
      <label className="activity-field" htmlFor={`${id}-to`}>
        <span>To</span>
        <input id={`${id}-to`} className="input" type="date" name="to" defaultValue={filters.to ?? ''} />
      </label>
      <div className="activity-filter-actions">
        <button type="submit" className="btn btn-primary">
          Apply
        </button>
        {Object.keys(filters).length ? (
          <button type="button" className="btn btn-ghost" onClick={() => onApply({})}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  );
}
