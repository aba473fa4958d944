/**
 * The lesson box's bar: the chapter's number and title, the step counter, and its controls (back,
 * next or the way on past the last step, glossary, try it yourself, the chapter list).
 */
import { useLesson } from '../../store/lesson.ts';
import type { ChapterEntry } from './chapter.ts';
import { LEARN_STRINGS, type LearnStrings } from './learn-strings.ts';
import type { StepActions } from './use-step-actions.ts';
import { useWords } from '../i18n/index.ts';

interface Props {
  entry: ChapterEntry;
  /** The chapter's number in the study note's order, from 1. */
  number: number;
  step: number;
  count: number;
  revealed: boolean;
  following: ChapterEntry | undefined;
  actions: StepActions;
  onGlossary(): void;
}

export function LessonBar({ entry, number, step, count, revealed, following, actions, onGlossary }: Props) {
  const words = useWords(LEARN_STRINGS);
  const title = useWords(entry.title);
  const atEnd = revealed && step + 1 >= count;
  return (
    <div className="rs-lesson-bar">
      <h2 className="rs-lesson-title" id="rs-lesson-title">
        <span className="rs-chapter-number">{words.chapterLabel(number)}</span> {title}
      </h2>
      <span className="rs-lesson-progress" data-testid="step-progress">{words.stepOf(step + 1, count)}</span>
      <div className="rs-lesson-actions">
        <button type="button" className="rs-button" data-testid="step-back" disabled={step === 0} onClick={actions.back} aria-keyshortcuts="ArrowLeft PageUp">
          ← {words.back}
        </button>
        {atEnd && following && <NextChapterButton following={following} number={number + 1} words={words} onNext={actions.next} />}
        {atEnd && !following && (
          <button type="button" className="rs-button rs-button-primary" data-testid="chapters-end" aria-haspopup="dialog" aria-keyshortcuts="ArrowRight PageDown" onClick={actions.next}>
            {words.backToChapters}
          </button>
        )}
        {!atEnd && (
          <button type="button" className="rs-button rs-button-primary" data-testid="step-next" onClick={actions.next} aria-keyshortcuts="ArrowRight PageDown">
            {words.next} →
          </button>
        )}
        <button type="button" className="rs-button" data-testid="glossary-open" aria-haspopup="dialog" onClick={onGlossary}>{words.glossary}</button>
        <button type="button" className="rs-button" data-testid="try-it" title={words.tryItHint} onClick={actions.tryIt}>{words.tryIt}</button>
        <button type="button" className="rs-button" data-testid="chapter-list-open" aria-haspopup="dialog" onClick={() => useLesson.getState().setListOpen(true)}>{words.chapters}</button>
      </div>
    </div>
  );
}

/** The last step's way on: the next chapter in the study note's order (docs/learners-note.md), from its start (the last chapter has none). */
function NextChapterButton({ following, number, words, onNext }: { following: ChapterEntry; number: number; words: LearnStrings; onNext: () => void }) {
  const title = useWords(following.title);
  return (
    <button type="button" className="rs-button rs-button-primary" data-testid="chapter-next" title={`${words.chapterLabel(number)} · ${title}`}
      aria-keyshortcuts="ArrowRight PageDown" onClick={onNext}>
      {words.nextChapter} →
    </button>
  );
}
