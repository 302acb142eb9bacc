// `?phone=` as the screens use it. The browser's own lookup writes E.164, but a plain GET form (submitted
// before the app's JavaScript runs, or without it) sends whatever was typed plus its default region. The
// server and the browser normalise that the same way, with the same library and the same region.
import { useEffect, useMemo, useState } from 'react';
import { loadPhoneLib, type PhoneLib, phoneLibIfLoaded } from '../../lib/phone';
import { defaultRegion, usePrefs } from '../../prefs/prefs';
import { E164_PATTERN, type ListParams } from '../../url-state/listParams';

export interface PhoneParam {
  /** The params with `phone` in E.164, or without it when it is not a valid number. */
  params: ListParams;
  /** What was typed and why it is not a phone number, to show next to the lookup field. */
  problem: { text: string; reason: string } | null;
  /** The library is still on its way (a browser-only render): the lookup waits for it. */
  pending: boolean;
}

export function resolvePhoneParam(
  params: ListParams,
  lib: PhoneLib | null,
  fallbackRegion: string,
): PhoneParam {
  const text = params.phone;
  if (!text || E164_PATTERN.test(text))
    return { params: { ...params, region: undefined }, problem: null, pending: false };
  if (!lib) return { params, problem: null, pending: true };
  const result = lib.parsePhone(text, params.region ?? fallbackRegion);
  return result.ok
    ? { params: { ...params, phone: result.e164, region: undefined }, problem: null, pending: false }
    : {
        params: { ...params, phone: undefined, region: undefined },
        problem: { text, reason: result.reason },
        pending: false,
      };
}

/** resolvePhoneParam for the current render, loading the library first if a typed number needs it. */
export function usePhoneParam(params: ListParams): PhoneParam {
  const [lib, setLib] = useState(phoneLibIfLoaded);
  const needsLib = Boolean(params.phone && !E164_PATTERN.test(params.phone));
  useEffect(() => {
    if (!needsLib || lib) return;
    let live = true;
    void loadPhoneLib().then((loaded) => live && setLib(loaded));
    return () => {
      live = false;
    };
  }, [needsLib, lib]);
  const region = defaultRegion(usePrefs());
  return useMemo(() => resolvePhoneParam(params, lib, region), [params, lib, region]);
}
