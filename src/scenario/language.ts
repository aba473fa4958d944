/**
 * The page's languages, English and Simplified Chinese. Said here, below the store, so a link
 * (src/scenario/link.ts) can name one as well as the page.
 */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether a value read from outside (a link, the browser's storage) is one of the page's languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
