/**
 * User-visible text in core and the pages. English is the key, `{0}`, `{1}`… are the arguments, as
 * with `vscode.l10n.t`. The host installs VS Code's translator at activation; a page installs the
 * bundle the host hands it in `data-l10n`. Every literal passed to `t` is checked against the
 * language bundles in `l10n/` by a unit test, so a call must name its message literally (a
 * `cond ? 'a' : 'b'` of two literals is fine).
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** `{n}` replaced by the n-th argument; a placeholder with no argument stays as it is. */
export const fill: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));

let active: Translate = fill;
let textLanguage = 'en';
let pluralRules: Intl.PluralRules | undefined;
/** Languages whose "one" form is the count 1 and nothing else, as for the whole counts Upright shows. */
const ONE_IS_ONE = /^(en|de|es)(-|$)/i;

function pluralRulesOf(language: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(language);
  } catch {
    return new Intl.PluralRules('en');
  }
}

export function t(message: string, ...args: Array<string | number>): string {
  return active(message, ...args);
}

/**
 * Whether `count` takes the "one" form of a counted noun in the language the text is in: "1 minute"
 * but "0 minutes". Choose the message with it, `t(singular(n) ? '{0} day' : '{0} days', n)`, so both
 * stay literal for the bundles' check; English, German and Spanish have only these two forms.
 */
export function singular(count: number): boolean {
  // The languages Upright has text in need no plural data, whose first load can stall activation.
  if (ONE_IS_ONE.test(textLanguage)) return count === 1;
  pluralRules ??= pluralRulesOf(textLanguage);
  return pluralRules.select(count) === 'one';
}

/**
 * Installs the translator and the language its text is in, whose plural rules `singular` follows.
 * Without a bundle the text is English, whatever the display language, so pass `undefined` then.
 */
export function useTranslator(translate: Translate, language?: string): void {
  active = translate;
  textLanguage = language ?? 'en';
  pluralRules = undefined;
}

/** A translator from a bundle of English → translated text; a missing entry falls back to English. */
export function bundleTranslator(bundle: Readonly<Record<string, unknown>> | undefined): Translate {
  return (message, ...args) => {
    const found = bundle?.[message];
    return fill(typeof found === 'string' ? found : message, ...args);
  };
}
