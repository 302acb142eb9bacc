// Type-to-confirm for what cannot be undone (Cloudscape's pattern): the person types the number or the count
// shown in the label before the action's button is enabled.
import { useId } from 'react';

/** Whether what was typed is the count asked for ("1,234" and "1 234" count as 1234). */
export function matchesCount(typed: string, count: number): boolean {
  return typed.replace(/[,\s]/g, '') === String(count);
}

export function TypeToConfirm(props: {
  label: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** 'numeric' when a count is asked for (a phone's keypad); a number may hold + and spaces. */
  inputMode?: 'numeric' | 'tel';
}) {
  const id = useId();
  return (
    <div className="confirm-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input"
        inputMode={props.inputMode}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
