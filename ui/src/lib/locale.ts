// The system locale as the web view reports it can be something Intl rejects: under `LANG=C`
// (a bare terminal, CI, some minimal desktops) WebKitGTK reports "C". Libraries that pass
// `navigator.language` to Intl (uPlot does, when it loads) would then throw and stop the app
// from starting. This module is imported first and swaps such a value for a valid one.

/** `tag` if Intl accepts it as a language tag, otherwise `fallback`. */
export function usableLanguage(tag: string | undefined, fallback = "en-US"): string {
  if (tag === undefined || tag === "") return fallback;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/** Makes `nav.language` (and `languages`) valid language tags. */
export function repairNavigatorLanguage(nav: Navigator): void {
  const language = usableLanguage(nav.language);
  if (language === nav.language) return;
  const languages = (nav.languages ?? []).map((tag) => usableLanguage(tag, language));
  Object.defineProperty(nav, "language", { value: language, configurable: true });
  Object.defineProperty(nav, "languages", { value: languages, configurable: true });
}

if (typeof navigator !== "undefined") repairNavigatorLanguage(navigator);
