/** The glossary: the study note's terms (docs/learners-note.md) in English and Chinese, reachable from every chapter and the page's header, found by any word of theirs. */
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { usePlayback } from '../../store/playback.ts';
import { ModalDialog } from '../controls/ModalDialog.tsx';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { GLOSSARY, type GlossaryTerm } from './glossary.ts';
import { LEARN_STRINGS } from './learn-strings.ts';
import { inLanguage } from '../i18n/index.ts';
// Its styles: opened from the header, it finds no chapter that brought them.
import './learn.css';

/** Letters in any case, spaces left out: the study note writes "broker模式" where the glossary has "Broker 模式". */
function plain(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** Whether a word of `text` begins with `wanted` (a plain query): "HA" names "HA service", not "sharding". */
function beginsAWord(text: string, wanted: string): boolean {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(wanted[0] ?? ''); at >= 0; at = lower.indexOf(wanted[0]!, at + 1)) {
    if ((at === 0 || !/[a-z0-9]/.test(lower[at - 1]!)) && plain(lower.slice(at)).startsWith(wanted)) return true;
  }
  return false;
}

/** How well the term answers `query`: a word of its names begins with it 3, its names hold it 2, its meaning in either language 1, else 0. */
function match(term: GlossaryTerm, query: string): number {
  const wanted = plain(query);
  const names = [term.en, term.zh, ...(term.aliases ?? [])];
  if (names.some((text) => beginsAWord(text, wanted))) return 3;
  if (names.some((text) => plain(text).includes(wanted))) return 2;
  return [term.meaning.en, term.meaning.zh].some((text) => plain(text).includes(wanted)) ? 1 : 0;
}

/** The terms `query` finds, best answers first, each rank in the glossary's order ("HA" is in many meanings). */
function found(query: string): GlossaryTerm[] {
  const scored = GLOSSARY.map((term) => ({ term, score: match(term, query) })).filter(({ score }) => score > 0);
  return scored.sort((a, b) => b.score - a.score).map(({ term }) => term);
}

export function Glossary({ onClose }: { onClose(): void }) {
  const language = usePlayback((s) => s.language);
  const words = inLanguage(LEARN_STRINGS, language);
  const titleId = useId();
  const findId = useId();
  const [query, setQuery] = useState('');
  const terms = found(query);
  // One opens the glossary to look a word up: focus starts in its search field.
  const findRef = useRef<HTMLInputElement>(null);
  // Out of the lesson box, which stacks below the playback bar: the overlay covers the whole page.
  return createPortal(
    <ModalDialog titleId={titleId} onClose={onClose} initialFocus={findRef} className="rs-glossary" testId="glossary">
      <h2 id={titleId}>{words.glossary}</h2>
      <p className="rs-glossary-find">
        <label htmlFor={findId}>{words.findTerm}</label>
        <input ref={findRef} id={findId} type="search" className="rs-input" value={query} placeholder={words.findTermHint} data-testid="glossary-find"
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
                <td>{inLanguage(term.meaning, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {terms.length === 0 && <p className="rs-note" role="status">{words.noTerm(query.trim())}</p>}
      </ScrollArea>
      <button type="button" className="rs-button" onClick={onClose}>{words.close}</button>
    </ModalDialog>,
    document.body,
  );
}
