/**
 * The chapter list: a dialog opened by the header's "Learn" button; Esc or a click outside closes
 * it. A chapter read to its end is marked; one started opens where the reader left it (progress.ts).
 */
import { useId, useRef, useState } from 'react';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { ModalDialog } from '../controls/ModalDialog.tsx';
import { CHAPTERS } from './chapters/index.ts';
import { LEARN_STRINGS, type LearnStrings } from './learn-strings.ts';
import { isFinished, readProgress, type ChapterProgress } from './progress.ts';
import { inLanguage } from '../i18n/index.ts';

export function ChapterList() {
  const language = usePlayback((s) => s.language);
  const current = useLesson((s) => s.chapterId);
  const words = inLanguage(LEARN_STRINGS, language);
  const titleId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const [progress] = useState(readProgress);
  const close = () => useLesson.getState().setListOpen(false);
  return (
    <ModalDialog titleId={titleId} onClose={close} initialFocus={firstRef} className="rs-chapter-list" testId="chapter-list">
      <h2 id={titleId}>{words.chaptersTitle}</h2>
      <p className="rs-chapter-list-intro">{words.chaptersIntro}</p>
      <ol className="rs-chapter-list-items">
        {CHAPTERS.map((entry, index) => (
          <li key={entry.id}>
            <button
              ref={index === 0 ? firstRef : undefined}
              type="button"
              className="rs-button rs-chapter-list-item"
              aria-current={entry.id === current ? 'true' : undefined}
              data-testid={`chapter-${entry.id}`}
              onClick={() => useLesson.getState().openChapter(entry.id, resumeStep(progress.get(entry.id)))}
            >
              <span className="rs-chapter-number">{words.chapterLabel(index + 1)}</span>
              <span>{inLanguage(entry.title, language)}</span>
              <ProgressMark progress={progress.get(entry.id)} words={words} />
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="rs-button" onClick={close}>{words.close}</button>
    </ModalDialog>
  );
}

/** Where a chapter opens: at the step the reader reached, or from the start once it was read to its end. */
function resumeStep(progress: ChapterProgress | undefined): number {
  return progress && !isFinished(progress) ? progress.step : 0;
}

function ProgressMark({ progress, words }: { progress: ChapterProgress | undefined; words: LearnStrings }) {
  if (!progress || progress.step === 0 && !isFinished(progress)) return null;
  const finished = isFinished(progress);
  return (
    <span className={`rs-chapter-progress${finished ? ' rs-chapter-read' : ''}`} data-testid="chapter-progress">
      {finished ? words.read : words.resumeAt(progress.step + 1, progress.count)}
    </span>
  );
}
