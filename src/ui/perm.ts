/**
 * A topic permission as the forms offer it (the editor's knobs, the create-topic form, the
 * what-if form): the number the scenario stores, RocketMQ's own PermName.perm2String, and what it
 * means in words, e.g. "6 · RW- (read and write)". The bare number says nothing to someone who has
 * not learnt PermName's bits.
 */
import type { Language } from '../scenario/language.ts';
import { isReadable, isWriteable, perm2String } from '../sim/index.ts';
import { type Bilingual, inLanguage } from './i18n/index.ts';

/**
 * The perms a topic is given (mqadmin updateTopic -p): PERM_READ 4 + PERM_WRITE 2, read only,
 * write only. Neither inheritable (only TBW102 is) nor priority.
 */
export const TOPIC_PERMS = [6, 4, 2] as const;

interface PermWords {
  readWrite: string;
  readOnly: string;
  writeOnly: string;
  neither: string;
}

const WORDS: Bilingual<PermWords> = {
  en: { readWrite: 'read and write', readOnly: 'read only', writeOnly: 'write only', neither: 'neither' },
  zh: { readWrite: '读写', readOnly: '只读', writeOnly: '只写', neither: '不可读写' },
};

function meaning(perm: number, words: PermWords): string {
  if (isReadable(perm)) return isWriteable(perm) ? words.readWrite : words.readOnly;
  return isWriteable(perm) ? words.writeOnly : words.neither;
}

export function permLabel(perm: number, language: Language): string {
  const words = inLanguage(WORDS, language);
  const open = language === 'zh' ? '（' : ' (';
  const close = language === 'zh' ? '）' : ')';
  return `${perm} · ${perm2String(perm)}${open}${meaning(perm, words)}${close}`;
}
