/**
 * Which language the page opens in: a link's `lang` (docs/links.md) for that visit, in the
 * fragment or else in the query (`?lang=zh`, the form people write by hand), else the
 * learner's own earlier choice, else the browser's languages. Only a choice made on the page is
 * remembered (the store's setLanguage keeps it; the boot opens in this one with openInLanguage), so a
 * link in another language does not change what the learner picked.
 */
import { isLanguage, type Language } from '../../scenario/language.ts';
import { readLinkKey } from '../../scenario/link.ts';
import { LANGUAGE_STORAGE_KEY } from '../../store/playback.ts';
import { readStored } from '../../store/stored.ts';

/** Chinese when the browser lists any Chinese (zh, zh-CN, zh-Hant-TW ...), else English. */
export function preferredLanguage(languages: readonly string[]): Language {
  return languages.some((tag) => /^zh(-|$)/i.test(tag.trim())) ? 'zh' : 'en';
}

interface LanguageSources {
  /** The fragment of the address the page was opened with. */
  hash: string;
  /** The query of the address (`?lang=zh`), read when the fragment names no language. */
  search?: string;
  /** What the storage holds under LANGUAGE_STORAGE_KEY: anything, or null. */
  remembered: string | null;
  /** navigator.languages. */
  browser: readonly string[];
}

export function chooseLanguage({ hash, search = '', remembered, browser }: LanguageSources): Language {
  const linked = readLinkKey(hash, 'lang');
  if (isLanguage(linked)) return linked;
  const queried = new URLSearchParams(search).get('lang');
  if (isLanguage(queried)) return queried;
  if (isLanguage(remembered)) return remembered;
  return preferredLanguage(browser);
}

/** The stored choice, or null when there is none or storage is refused (private mode, a sandbox). */
export function readRememberedLanguage(): string | null {
  return readStored(LANGUAGE_STORAGE_KEY);
}

/** The browser's languages, as navigator gives them (older browsers have only navigator.language). */
export function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
