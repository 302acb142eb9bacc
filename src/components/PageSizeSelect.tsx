interface PageSizeSelectProps<T extends number> {
  value: T;
  options: readonly T[];
  onChange: (size: T) => void;
}

export function PageSizeSelect<T extends number>({ value, options, onChange }: PageSizeSelectProps<T>) {
  return (
    <label className="page-size">
      <span>Rows per page</span>
      <select
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
    </label>
  );
}
