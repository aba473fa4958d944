/**
 * The page's languages, English and Simplified Chinese, and the one shape of a text given in
 * both: the library's titles and descriptions here, every table of the page's words in src/ui
 * (read through src/ui/i18n/index.ts, the page's one language lookup).
 */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text, or a table of texts, in every language of the page. */
export type Bilingual<T> = Readonly<Record<Language, T>>;
