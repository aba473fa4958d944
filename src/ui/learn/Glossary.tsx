/** The glossary: the study note's terms in English and Chinese, reachable from every chapter. */
import { useEffect, useId, useRef } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { GLOSSARY } from './glossary.ts';
import { LEARN_STRINGS } from './learn-strings.ts';
import { inLanguage } from '../i18n/index.ts';

export function Glossary({ onClose }: { onClose(): void }) {
  const language = usePlayback((s) => s.language);
  const words = inLanguage(LEARN_STRINGS, language);
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);
  return (
    <div className="rs-overlay" onClick={onClose}>
      <div
        className="rs-dialog rs-glossary"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="glossary"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onClose();
        }}
      >
        <h2 id={titleId}>{words.glossary}</h2>
        <ScrollArea className="rs-glossary-scroll" label={words.glossary}>
          <table className="rs-glossary-table">
            <thead>
              <tr><th scope="col">English</th><th scope="col">中文</th><th scope="col">{words.meaning}</th></tr>
            </thead>
            <tbody>
              {GLOSSARY.map((term) => (
                <tr key={term.en}>
                  <td lang="en">{term.en}</td>
                  <td lang="zh-CN">{term.zh}</td>
                  <td>{term.meaning[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
        <button ref={closeRef} type="button" className="rs-button" onClick={onClose}>{words.close}</button>
      </div>
    </div>
  );
}
