/** The `<option>`s of a select whose choices are codes with labels (the region pickers). */
export function CodeOptions({ options }: { options: readonly { code: string; label: string }[] }) {
  return options.map((option) => (
    <option key={option.code} value={option.code}>
      {option.label}
    </option>
  ));
}
