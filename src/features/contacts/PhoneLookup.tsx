import { type FormEvent, useId, useState } from 'react';
import { CodeOptions } from '../../components/CodeOptions';
import { HiddenFields } from '../../components/HiddenFields';
import { useTypedBeforeHydration } from '../../components/typedBeforeHydration';
import { loadPhoneLib } from '../../lib/phone';
import type { RegionOption } from '../../lib/phoneLib';
import { regionName } from '../../lib/regions';
import { defaultRegion, savePref, usePrefs } from '../../prefs/prefs';
import { useListFormFields } from '../../url-state/useListParams';

/**
 * The support-staff path: paste or type the number a caller reads out, in any format. It is normalised
 * to E.164 in the browser; an invalid number is explained right here and never sent. It is also a plain
 * GET form (`?phone=…&region=…`): sent before the app's JavaScript runs, or without it, the server
 * normalises and explains the number with the same rules and region (see phoneParam).
 */
export function PhoneLookup({
  onLookup,
  typed,
}: {
  onLookup: (e164: string) => void;
  /** A number that came in the URL from the plain form: shown as typed, with its region and problem. */
  typed: { text: string | undefined; region: string | undefined; problem: string | undefined };
}) {
  const id = useId();
  const [text, setText] = useState(typed.text ?? '');
  useTypedBeforeHydration(`${id}-phone`, setText);
  const prefs = usePrefs();
  const fields = useListFormFields('phone', 'region');
  // The region the user chose last, else the browser's (the same languages the server rendered with).
  const [region, setRegion] = useState(() => typed.region ?? defaultRegion(prefs));
  const [problem, setProblem] = useState<string | null>(typed.problem ?? null);
  const [regions, setRegions] = useState<RegionOption[] | null>(null);

  const loadRegions = () => {
    if (regions) return;
    void loadPhoneLib().then((lib) => setRegions(lib.regionOptions()));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lib = await loadPhoneLib();
    const result = lib.parsePhone(text, region);
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    onLookup(result.e164);
  };

  const options = regions ?? [{ code: region, label: regionName(region) }];
  return (
    <form className="lookup" method="get" onSubmit={submit} noValidate>
      <HiddenFields fields={fields} />
      <div className="lookup-row">
        <label htmlFor={`${id}-phone`} className="sr-only">
          Look up a phone number
        </label>
        <input
          id={`${id}-phone`}
          className="input lookup-input"
          type="tel"
          name="phone"
          autoComplete="off"
          placeholder="Look up a number…"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onFocus={loadRegions}
          onChange={(event) => {
            setText(event.target.value);
            if (problem) setProblem(null);
          }}
        />
        <label htmlFor={`${id}-region`} className="sr-only">
          Default region for numbers without a country code
        </label>
        <select
          id={`${id}-region`}
          name="region"
          className="select lookup-region"
          value={region}
          onFocus={loadRegions}
          onPointerDown={loadRegions}
          onChange={(event) => {
            setRegion(event.target.value);
            savePref('region', event.target.value);
            setProblem(null);
          }}
          title="Default region for numbers without a country code"
        >
          <CodeOptions options={options} />
        </select>
        <button type="submit" className="btn">
          Look up
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
