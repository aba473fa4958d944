/**
 * The page's languages, English and Simplified Chinese, and the one shape of a text given in
 * both: the library's titles and descriptions here, every table of the page's words in src/ui
 * (read through src/ui/i18n/index.ts, the page's one language lookup). Said here, below the
 * store, so a link (src/scenario/link.ts) can name a language as well as the page.
 */
import type { Scenario } from '../model/spec.ts';

const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text, or a table of texts, in every language of the page. */
export type Bilingual<T> = Readonly<Record<Language, T>>;

/** Whether a value read from outside (a link, the browser's storage) is one of the page's languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A scenario's name and description in `language`: the file's translation where it gives one, else its own. */
export function scenarioText(scenario: Pick<Scenario, 'name' | 'description' | 'translations'>, language: Language): { name: string; description: string } {
  const translated = scenario.translations?.[language];
  return { name: translated?.name ?? scenario.name, description: translated?.description ?? scenario.description };
}
