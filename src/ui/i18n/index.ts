/**
 * The page's one language lookup. Every table of words (the shell's messages below, each panel's
 * words, the library's titles and descriptions) is a Bilingual<T>: one type, given in full in
 * English and Simplified Chinese, so a string missing in either language does not compile; and
 * every one is read through inLanguage (or useWords, its hook).
 *
 * The shell's messages are flat: `const t = useT(); t('applyAt', { time })`, placeholders
 * `{name}`; values are shown as text, never as HTML.
 */
import type { Bilingual, Language } from '../../scenario/language.ts';
import { usePlayback } from '../../store/playback.ts';
import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

export type { Bilingual, MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** An English list: "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The words of `texts` in `language`. */
export function inLanguage<T>(texts: Bilingual<T>, language: Language): T {
  return texts[language];
}

/** The words of `texts` in the person's language, following the EN / 中文 toggle. */
export function useWords<T>(texts: Bilingual<T>): T {
  return inLanguage(texts, usePlayback((s) => s.language));
}

const MESSAGES: Bilingual<Record<MessageKey, string>> = { en, zh };

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return inLanguage(MESSAGES, language)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function useT(): Translate {
  const language = usePlayback((s) => s.language);
  return (key, values) => translate(language, key, values);
}
