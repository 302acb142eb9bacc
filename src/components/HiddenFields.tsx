/**
 * Name/value pairs as hidden inputs: a plain GET form (which works before the app's JavaScript runs, or
 * without it) carries the rest of the view's state along with its own field.
 */
export function HiddenFields({ fields }: { fields: readonly (readonly [string, string])[] }) {
  return (
    <>
      {fields.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a name may repeat (a hand-written query string); the list never reorders
        <input key={`${index}:${name}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
