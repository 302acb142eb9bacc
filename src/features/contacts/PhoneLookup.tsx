import { type FormEvent, useId, useState } from 'react';
import { useTypedBeforeHydration } from '../../components/typedBeforeHydration';
import { regionFromLocale, regionName } from '../../lib/regions';
import { savePref, usePrefs } from '../../prefs/prefs';
import { loadPhoneLib } from './phone';

interface RegionOption {
  code: string;
  label: string;
}

/**
 * The support-staff path: paste or type the number a caller reads out, in any format. It is normalised
 * to E.164 in the browser; an invalid number is explained right here and never sent.
 */
export function PhoneLookup({ onLookup }: { onLookup: (e164: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  useTypedBeforeHydration(`${id}-phone`, setText);
  const prefs = usePrefs();
  // The region the user chose last, else the browser's (the same languages the server rendered with).
  const [region, setRegion] = useState(() => prefs.region ?? regionFromLocale(prefs.languages));
  const [problem, setProblem] = useState<string | null>(null);
  const [regions, setRegions] = useState<RegionOption[] | null>(null);

  const loadRegions = () => {
    if (regions) return;
    void loadPhoneLib().then((lib) =>
      setRegions(
        lib
          .getCountries()
          .map((code) => ({ code, label: `${regionName(code)} (+${lib.getCountryCallingCode(code)})` }))
          .sort((a, b) => a.label.localeCompare(b.label)),
      ),
    );
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
    <form className="lookup" onSubmit={submit} noValidate>
      <div className="lookup-row">
        <label htmlFor={`${id}-phone`} className="sr-only">
          Look up a phone number
        </label>
        <input
          id={`${id}-phone`}
          className="input lookup-input"
          type="tel"
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
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
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
