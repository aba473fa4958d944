/** EN / 中文: the whole page's language (panels read the same store field), remembered for the next visit. */
import { useEffect } from 'react';
import { usePlayback } from '../../store/playback.ts';
import type { Language } from '../../scenario/language.ts';
import { useT } from '../i18n/index.ts';

const LANGUAGES: { code: Language; label: string; htmlLang: string }[] = [
  { code: 'en', label: 'EN', htmlLang: 'en' },
  { code: 'zh', label: '中文', htmlLang: 'zh-Hans' },
];

export function LanguageToggle() {
  const t = useT();
  const language = usePlayback((s) => s.language);
  const setLanguage = usePlayback((s) => s.setLanguage);
  useEffect(() => {
    document.documentElement.lang = LANGUAGES.find((entry) => entry.code === language)?.htmlLang ?? 'en';
  }, [language]);
  return (
    <div className="rs-language" role="group" aria-label={t('language')}>
      {LANGUAGES.map((entry) => (
        <button
          key={entry.code}
          type="button"
          className="rs-button rs-button-toggle"
          aria-pressed={language === entry.code}
          lang={entry.htmlLang}
          data-testid={`language-${entry.code}`}
          onClick={() => setLanguage(entry.code)}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}
