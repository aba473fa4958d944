/**
 * The editor's names for assistive technology in English and Simplified Chinese: its tab list's,
 * and each knob's with the topic, group or producer it belongs to. With two topics a screen reader
 * would otherwise hear "writeQueueNums" twice, the owner being only a heading beside it.
 */
import type { Language } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

export interface EditorStrings {
  tabs: string;
  /** `field` as the knob shows it, `owner` the scenario's name for the topic, group or producer (plain text). */
  knobOf: (field: string, owner: string) => string;
}

const en: EditorStrings = {
  tabs: 'How to edit',
  knobOf: (field, owner) => `${field} of ${owner}`,
};

const zh: EditorStrings = {
  tabs: '编辑方式',
  // Chinese sets a space between Han characters and Latin letters, none between Han characters.
  knobOf: (field, owner) => `${owner} 的${/^[A-Za-z]/.test(field) ? ' ' : ''}${field}`,
};

const STRINGS: Bilingual<EditorStrings> = { en, zh };

export function editorStrings(language: Language): EditorStrings {
  return inLanguage(STRINGS, language);
}
