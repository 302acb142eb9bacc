// Region codes for people: the browser's own region and a region's English name (Intl, no library).

/** Region from the browser's locale ("en-GB" → "GB"), US when the locale has none. */
export function regionFromLocale(languages: readonly string[]): string {
  for (const tag of languages) {
    // Most tags carry the region ("en-GB", "zh-Hant-TW"): read it directly. Intl.Locale#maximize() loads
    // likely-subtags data and costs tens of milliseconds on first use, so it is only the fallback ("de").
    const explicit = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1];
    if (explicit) return explicit.toUpperCase();
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // An unparseable language tag just moves on to the next one.
    }
  }
  return 'US';
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

export function regionName(code: string | undefined): string {
  if (!code) return '';
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
