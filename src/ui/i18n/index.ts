/**
 * The page's one language lookup. Every table of words (the shell's messages below, each panel's
 * words, the library's titles and descriptions) is a Bilingual<T>: one type, given in full in
 * English and Simplified Chinese, so a string missing in either language does not compile; and
 * every one is read through inLanguage (or useWords, its hook).
 *
 * The shell's messages are flat: `const t = useT(); t('catchingUp', { percent })`, placeholders
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

/**
 * What stands between a label and what it labels ("Reason: …", "原因：…"): a Chinese sentence takes
 * the full-width colon, as the page's Chinese writes everywhere else ("不对：…"). Every view that
 * joins a label to its value does it here, so no Chinese line gets an ASCII ": ".
 */
const AFTER_LABEL: Bilingual<string> = { en: ': ', zh: '：' };

export function afterLabel(language: Language): string {
  return AFTER_LABEL[language];
}

/** A list's items as `language` runs them together: "a, b", "a、b". */
export function listed(items: readonly string[], language: Language): string {
  return items.join(language === 'zh' ? '、' : ', ');
}

/** `label` then `value`, joined as `language` joins a label to its value. */
export function labelled(label: string, value: string | number, language: Language): string {
  return `${label}${afterLabel(language)}${value}`;
}

/** Han characters and CJK punctuation: no space goes between two of them. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Two pieces of a Chinese sentence, one of them a name that may be Chinese or Latin ("broker-a",
 * "消费者"): a space only where Chinese meets Latin text ("broker-a 崩溃"), none between Chinese
 * words ("消费者崩溃").
 */
export function zhJoin(left: string, right: string): string {
  const between = CJK.test(left.at(-1) ?? '') && CJK.test(right[0] ?? '') ? '' : ' ';
  return `${left}${between}${right}`;
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
