/**
 * The chapter being read: a caption box above the canvas with the step's words, its question when
 * it asks one, and the controls (back, next, glossary, try it yourself, the chapter list). The
 * run pauses at each step's moment; back really moves the run back (the store seeks).
 */
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback, type Language } from '../../store/playback.ts';
import type { ChapterEntry, Prediction } from './chapter.ts';
import { CHAPTERS } from './chapters/index.ts';
import { jumpTo } from './glide.ts';
import { Glossary } from './Glossary.tsx';
import { LEARN_STRINGS, type LearnStrings } from './learn-strings.ts';
import { useFocusInView, useLessonUnderBar } from './lesson-in-view.ts';
import { PredictionBox } from './PredictionBox.tsx';
import { recordStep } from './progress.ts';
import { AllocationFigure } from './AllocationFigure.tsx';
import { useBrokerModule } from './use-broker-module.ts';
import { useCardSection } from './use-card-section.ts';
import { useChapterRun, type ChapterRun } from './use-chapter-run.ts';
import { useLessonFit } from './use-lesson-fit.ts';
import { useStepKeys } from './use-step-keys.ts';
import { useStepMotion } from './use-step-motion.ts';
import { inLanguage } from '../i18n/index.ts';
import { useReducedMotion } from '../use-reduced-motion.ts';
import { SummaryLine } from '../panels/SummaryLine.tsx';
import { formatTime } from '../../viz/format.ts';

type ReadyRun = Extract<ChapterRun, { status: 'ready' }>;

export function ChapterPlayer({ entry }: { entry: ChapterEntry }) {
  const run = useChapterRun(entry);
  const language = usePlayback((s) => s.language);
  const words = inLanguage(LEARN_STRINGS, language);
  if (run.status !== 'ready') {
    return (
      <section className="rs-lesson" data-testid="chapter" data-status={run.status} aria-busy={run.status === 'loading'}>
        <p className="rs-lesson-caption" role={run.status === 'failed' ? 'alert' : undefined}>
          {run.status === 'loading' ? words.loading : words.loadFailed(run.message)}
        </p>
      </section>
    );
  }
  return <ReadyChapter entry={entry} run={run} language={language} />;
}

function ReadyChapter({ entry, run, language }: { entry: ChapterEntry; run: ReadyRun; language: Language }) {
  const words = inLanguage(LEARN_STRINGS, language);
  const { chapter, moments } = run;
  // Steps after one the run never reached are not offered (a test checks every chapter reaches all).
  const count = moments.unmet ?? chapter.steps.length;
  const wantedStep = useLesson((s) => s.step);
  const step = Math.min(wantedStep, Math.max(0, count - 1));
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const current = chapter.steps[step];
  const given = useLesson((s) => s.answers[step]);
  const picked = choiceOf(current?.predict, given);
  const revealed = !current?.predict || picked !== undefined;
  // A link's answer the step's question does not have is dropped: the address and Share stop carrying it.
  useEffect(() => {
    if (given !== undefined && picked === undefined) useLesson.getState().answer(step, null);
  }, [given, picked, step]);
  const { target, arrived, left, setMotion } = useStepMotion(chapter.steps, moments, step, revealed);
  const number = CHAPTERS.indexOf(entry) + 1;
  const section = useRef<HTMLElement>(null);
  const scroll = useRef<HTMLDivElement>(null);
  const reducedMotion = useReducedMotion();
  useLessonUnderBar(section);
  // Everything that changes the box's height: the step's words, its question's answer and verdict.
  useLessonFit(section, scroll, usePlayback((s) => s.presenting), `${chapter.id} ${step} ${language} ${picked} ${arrived} ${left} ${count}`);
  // A message's card is the subject of a message step; a process's box, or an answered question's queues, are on the canvas.
  const answered = current?.predict !== undefined && picked !== undefined;
  // A step about a part of a broker has that part in the inspector as its subject, not the broker's box on the canvas.
  const brokerPart = current?.focus?.kind === 'broker' ? current.focus.module : undefined;
  useFocusInView(section, arrived, revealed && current?.focus?.kind !== 'message' && brokerPart === undefined && (current?.focus !== undefined || answered), step, reducedMotion, answered);
  useCardSection(arrived && revealed, current?.focus?.kind === 'message' ? current.focus.section : undefined, step);
  useBrokerModule(section, arrived && revealed, brokerPart, step);
  // A step counts as read once the run shows its moment: the chapter list reopens the chapter there.
  useEffect(() => {
    if (arrived) recordStep(chapter.id, step, count);
  }, [arrived, chapter.id, step, count]);

  const following = CHAPTERS[number];
  const next = () => {
    if (!revealed) return pick(-1);
    // Past the last step a presenter's clicker goes on to the next chapter, as the button does.
    // The last chapter's end leads back to the list of chapters.
    if (step + 1 >= count) return following ? useLesson.getState().openChapter(following.id) : useLesson.getState().setListOpen(true);
    setMotion('glide');
    useLesson.getState().setStep(step + 1);
  };
  const back = () => {
    if (step === 0) return;
    setMotion('jump');
    useLesson.getState().setStep(step - 1);
  };
  const pick = (choice: number) => {
    setMotion('glide');
    useLesson.getState().answer(step, choice);
  };
  /**
   * The free simulator, on this run at this step's moment, or where the reader moved the run to
   * ("from this moment"). The page says which step was left and offers it back (LeftChapterNote),
   * as it does when another run ends the chapter: the hint saying so is a tooltip, which a touch never shows.
   */
  const tryIt = () => {
    if (target !== null && !left) jumpTo(target);
    useLesson.getState().closeChapter();
    useLesson.setState({ leftChapter: { id: chapter.id, step } });
  };
  useStepKeys(next, back);
  if (!current) return null;
  const tagLabel = current.tag === 'why' ? words.why : current.tag === 'correction' ? words.correction : null;

  return (
    <section
      ref={section}
      className={`rs-lesson${left ? ' rs-lesson-left' : ''}`}
      aria-labelledby="rs-lesson-title"
      data-testid="chapter"
      data-status="ready"
      data-chapter={chapter.id}
      data-step={step}
      data-arrived={arrived}
    >
      <div className="rs-lesson-bar">
        <h2 className="rs-lesson-title" id="rs-lesson-title">
          <span className="rs-chapter-number">{words.chapterLabel(number)}</span> {entry.title[language]}
        </h2>
        <span className="rs-lesson-progress" data-testid="step-progress">{words.stepOf(step + 1, count)}</span>
        <div className="rs-lesson-actions">
          <button type="button" className="rs-button" data-testid="step-back" disabled={step === 0} onClick={back} aria-keyshortcuts="ArrowLeft PageUp">
            ← {words.back}
          </button>
          {revealed && step + 1 >= count && following && <NextChapterButton following={following} number={number + 1} words={words} language={language} onNext={next} />}
          {revealed && step + 1 >= count && !following && (
            <button type="button" className="rs-button rs-button-primary" data-testid="chapters-end" aria-haspopup="dialog" aria-keyshortcuts="ArrowRight PageDown" onClick={next}>
              {words.backToChapters}
            </button>
          )}
          {!(revealed && step + 1 >= count) && (
            <button type="button" className="rs-button rs-button-primary" data-testid="step-next" onClick={next} aria-keyshortcuts="ArrowRight PageDown">
              {words.next} →
            </button>
          )}
          <button type="button" className="rs-button" data-testid="glossary-open" aria-haspopup="dialog" onClick={() => setGlossaryOpen(true)}>{words.glossary}</button>
          <button type="button" className="rs-button" data-testid="try-it" title={words.tryItHint} onClick={tryIt}>{words.tryIt}</button>
          <button type="button" className="rs-button" data-testid="chapter-list-open" aria-haspopup="dialog" onClick={() => useLesson.getState().setListOpen(true)}>{words.chapters}</button>
        </div>
      </div>
      {/* The step's words, under the bar and over the counters: what the box's cap leaves no room for scrolls here (use-lesson-fit.ts). */}
      <div className="rs-lesson-scroll" ref={scroll} data-testid="lesson-scroll">
        <div className="rs-lesson-body" aria-live="polite">
          {tagLabel && revealed && <p className={`rs-lesson-tag rs-lesson-tag-${current.tag}`}>{tagLabel}</p>}
          {revealed && <p className="rs-lesson-caption" data-testid="step-caption">{current.caption[language]}</p>}
          {current.predict && (
            <PredictionBox prediction={current.predict} picked={picked} arrived={arrived || left} language={language} onPick={pick} />
          )}
          {left && target !== null && (
            <p className="rs-lesson-note" data-testid="step-left">
              {words.leftStep(formatTime(target))}{' '}
              <button type="button" className="rs-button rs-button-small" data-testid="back-to-step" onClick={() => jumpTo(target)}>{words.backToStep}</button>
            </p>
          )}
          {moments.unmet !== null && step + 1 === count && <p className="rs-lesson-note">{words.unmet(count + 1)}</p>}
        </div>
        {revealed && arrived && current.figure && <AllocationFigure figure={current.figure} />}
      </div>
      <SummaryLine inLesson />
      {glossaryOpen && <Glossary onClose={() => setGlossaryOpen(false)} />}
    </section>
  );
}

/** The step's answer, when its question has that choice (a link's `a` may name one it lacks); -1 is going on without one. */
function choiceOf(prediction: Prediction | undefined, choice: number | undefined): number | undefined {
  if (prediction === undefined || choice === undefined) return undefined;
  return choice >= -1 && choice < prediction.choices.length ? choice : undefined;
}

/** The last step's way on: the next chapter in the study note's order (docs/learners-note.md), from its start (the last chapter has none). */
function NextChapterButton({ following, number, words, language, onNext }: { following: ChapterEntry; number: number; words: LearnStrings; language: Language; onNext: () => void }) {
  return (
    <button type="button" className="rs-button rs-button-primary" data-testid="chapter-next" title={`${words.chapterLabel(number)} · ${following.title[language]}`}
      aria-keyshortcuts="ArrowRight PageDown" onClick={onNext}>
      {words.nextChapter} →
    </button>
  );
}
