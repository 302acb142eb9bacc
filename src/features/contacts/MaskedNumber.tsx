import { usePhoneMask } from '../../prefs/privacy';

/** A phone number in whatever format, masked while privacy mode is on. */
export function MaskedNumber({ value, countryCode }: { value: string; countryCode?: string | null }) {
  const mask = usePhoneMask();
  return <>{mask(value, countryCode)}</>;
}
