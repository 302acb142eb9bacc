import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { CodeOptions } from '../../../components/CodeOptions';
import { loadPhoneLib, phoneLibIfLoaded } from '../../../lib/phone';
import { regionName } from '../../../lib/regions';
import { defaultRegion, savePref, usePrefs } from '../../../prefs/prefs';

/** A number being typed with its default region, checked on every keystroke with the lookup's rules. */
export function usePhoneInput() {
  const [lib, setLib] = useState(phoneLibIfLoaded);
  const [text, setText] = useState('');
  const prefs = usePrefs();
  // The lookup's region (the user's last choice, else the browser's), and a change here is remembered for both.
  const [region, setRegion] = useState(() => defaultRegion(prefs));
  // Shown as a mistake only once the person is done typing (left the field or pressed the button).
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!lib) void loadPhoneLib().then(setLib);
  }, [lib]);
  const parsed = lib && text.trim() ? lib.parsePhone(text, region) : null;
  return {
    lib,
    text,
    region,
    parsed,
    touched,
    setTouched,
    setText: (next: string) => {
      setText(next);
      setTouched(false);
    },
    setRegion: (next: string) => {
      setRegion(next);
      savePref('region', next);
    },
  };
}

export type PhoneInput = ReturnType<typeof usePhoneInput>;

/** The field, its default region and what the number is as typed: valid (and where), or what is wrong. */
export function PhoneField({ input, label }: { input: PhoneInput; label: string }) {
  const id = useId();
  const { lib, parsed } = input;
  const all = useMemo(() => lib?.regionOptions(), [lib]);
  const regions = all ?? [{ code: input.region, label: regionName(input.region) }];
  const empty = input.touched && !input.text.trim();
  const mistake = empty || (parsed && !parsed.ok && (input.touched || !parsed.incomplete));
  let status: React.ReactNode =
    'Any format, e.g. +44 20 7946 0958; without a country code, the region below.';
  if (empty) status = 'Enter a phone number.';
  else if (!lib && input.text) status = 'Checking…';
  else if (parsed?.ok)
    status = `✓ ${parsed.international}${parsed.region ? ` · ${regionName(parsed.region)}` : ''}`;
  else if (parsed) status = parsed.reason;
  return (
    <div className="phone-field">
      <label htmlFor={`${id}-phone`}>{label}</label>
      <input
        id={`${id}-phone`}
        className="input"
        type="tel"
        autoComplete="off"
        value={input.text}
        aria-invalid={mistake ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(event) => input.setText(event.target.value)}
        onBlur={() => input.setTouched(true)}
      />
      <p
        id={`${id}-status`}
        className={mistake ? 'field-problem' : parsed?.ok ? 'field-hint field-ok' : 'field-hint'}
        aria-live="polite"
      >
        {status}
      </p>
      <label htmlFor={`${id}-region`}>Default region</label>
      <select
        id={`${id}-region`}
        className="select"
        value={input.region}
        onChange={(event) => input.setRegion(event.target.value)}
      >
        <CodeOptions options={regions} />
      </select>
    </div>
  );
}

/** A dialog's form around the field: sending it marks the field done, and a valid number goes to `onNumber`. */
export function PhoneForm(props: {
  input: PhoneInput;
  onNumber: (e164: string) => void;
  children: ReactNode;
}) {
  const { input } = props;
  return (
    <form
      className="dialog-body"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        input.setTouched(true);
        if (input.parsed?.ok) props.onNumber(input.parsed.e164);
      }}
    >
      <PhoneField input={input} label="Phone number" />
      {props.children}
    </form>
  );
}
