/** The glossary: the study note's terms in English and Chinese, reachable from every chapter and the page's header, found by any word of theirs. */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { usePlayback } from '../../store/playback.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { GLOSSARY, type GlossaryTerm } from './glossary.ts';
import { LEARN_STRINGS } from './learn-strings.ts';
import { inLanguage } from '../i18n/index.ts';
// Its styles: opened from the header, it finds no chapter that brought them.
import './learn.css';

/** Whether the term's words or its meaning in either language hold `query` (letters in any case). */
function hasText(term: GlossaryTerm, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return [term.en, term.zh, term.meaning.en, term.meaning.zh].some((text) => text.toLowerCase().includes(wanted));
}

export function Glossary({ onClose }: { onClose(): void }) {
  const language = usePlayback((s) => s.language);
  const words = inLanguage(LEARN_STRINGS, language);
  const titleId = useId();
  const findId = useId();
  const [query, setQuery] = useState('');
  const terms = GLOSSARY.filter((term) => hasText(term, query));
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);
  // Out of the lesson box, which stacks below the playback bar: the overlay covers the whole page.
  return createPortal(
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
        <p className="rs-glossary-find">
          <label htmlFor={findId}>{words.findTerm}</label>
          <input id={findId} type="search" className="rs-input" value={query} placeholder={words.findTermHint} data-testid="glossary-find"
            onChange={(event) => setQuery(event.target.value)} />
        </p>
        <ScrollArea className="rs-glossary-scroll" label={words.glossary}>
          <table className="rs-glossary-table">
            <thead>
              <tr><th scope="col">English</th><th scope="col">中文</th><th scope="col">{words.meaning}</th></tr>
            </thead>
            <tbody>
              {terms.map((term) => (
                <tr key={term.en}>
                  <td lang="en">{term.en}</td>
                  <td lang="zh-CN">{term.zh}</td>
                  <td>{term.meaning[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {terms.length === 0 && <p className="rs-note" role="status">{words.noTerm(query.trim())}</p>}
        </ScrollArea>
        <button ref={closeRef} type="button" className="rs-button" onClick={onClose}>{words.close}</button>
      </div>
    </div>,
    document.body,
  );
}
