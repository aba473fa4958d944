/**
 * The shell's words in the person's language: `const t = useT(); t('applyAt', { time })`.
 * Placeholders are `{name}`; values are shown as text, never as HTML.
 */
import { usePlayback, type Language } from '../../store/playback.ts';
import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, zh };

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function useT(): Translate {
  const language = usePlayback((s) => s.language);
  return (key, values) => translate(language, key, values);
}
