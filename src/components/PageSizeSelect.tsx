import { useId } from 'react';
import { HiddenFields } from './HiddenFields';

export interface PageSizeSelectProps<T extends number> {
  value: T;
  options: readonly T[];
  onChange: (size: T) => void;
  /** The rest of the view: a plain GET form (with its own button) until the app's JavaScript runs. */
  fields: readonly (readonly [string, string])[];
}

export function PageSizeSelect<T extends number>({
  value,
  options,
  onChange,
  fields,
}: PageSizeSelectProps<T>) {
  const id = useId();
  return (
    <form className="page-size" method="get" onSubmit={(event) => event.preventDefault()}>
      <HiddenFields fields={fields} />
      <label htmlFor={id}>Rows per page</label>
      <select
        id={id}
        name="page_size"
        className="select"
        value={value}
        onChange={(event) => {
          const size = options.find((option) => option === Number(event.target.value));
          if (size !== undefined) onChange(size);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {/* A select does not submit by itself; once the app runs, changing it is enough. */}
      <button type="submit" className="btn btn-small until-ready">
        Show
      </button>
    </form>
  );
}
