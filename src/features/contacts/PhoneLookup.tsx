import { type FormEvent, useId, useState } from 'react';
import { CodeOptions } from '../../components/CodeOptions';
import { HiddenFields } from '../../components/HiddenFields';
import { renderedOptions, useTypedBeforeHydration } from '../../components/typedBeforeHydration';
import { loadPhoneLib, phoneLibIfLoaded } from '../../lib/phone';
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
  everywhere,
}: {
  onLookup: (e164: string, everywhere: boolean) => void;
  /** A number that came in the URL from the plain form: shown as typed, with its region and problem. */
  typed: { text: string | undefined; region: string | undefined; problem: string | undefined };
  /** "All my profiles" as the URL has it; undefined: the person has only one place to look. */
  everywhere?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(typed.text ?? '');
  useTypedBeforeHydration(`${id}-phone`, setText);
  const prefs = usePrefs();
  const fields = useListFormFields('phone', 'region', 'in');
  const [all, setAll] = useState(everywhere ?? false);
  // The region the user chose last, else the browser's (the same languages the server rendered with).
  const [region, setRegion] = useState(() => typed.region ?? defaultRegion(prefs));
  const [problem, setProblem] = useState<string | null>(typed.problem ?? null);
  // Every region, as the server rendered it (a national number from another country can be looked up
  // before the app's JavaScript runs, or without it); the browser adopts that list while it hydrates.
  const [regions, setRegions] = useState<RegionOption[] | null>(
    () => renderedOptions(`${id}-region`) ?? phoneLibIfLoaded()?.regionOptions() ?? null,
  );
  useTypedBeforeHydration(`${id}-region`, setRegion);

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
    onLookup(result.e164, all);
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
      {everywhere === undefined ? null : (
        <label className="lookup-all">
          <input
            type="checkbox"
            name="in"
            value="all"
            checked={all}
            onChange={(e) => setAll(e.target.checked)}
          />
          All my profiles
        </label>
      )}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
