/**
 * The chapter being read: a caption box above the canvas with the step's words, its question when
 * it asks one, and the controls (back, next, glossary, try it yourself, the chapter list). The
 * run pauses at each step's moment; back really moves the run back (the store seeks).
 */
import { useEffect, useRef, useState } from 'react';
import { pickedOf, revealedOf, shownStepOf, stepCountOf, useLesson, type ChapterFound } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import type { Chapter, ChapterEntry } from './chapter.ts';
import { CHAPTERS } from './chapters/index.ts';
import { jumpTo } from './glide.ts';
import { Glossary } from './Glossary.tsx';
import { LEARN_STRINGS } from './learn-strings.ts';
import { LessonBar } from './LessonBar.tsx';
import { useFocusInView, useLessonUnderBar } from './lesson-in-view.ts';
import { PredictionBox } from './PredictionBox.tsx';
import { recordStep } from './progress.ts';
import { AllocationFigure } from './AllocationFigure.tsx';
import { useBrokerModule } from './use-broker-module.ts';
import { useCardSection } from './use-card-section.ts';
import { useInspectorTable } from './use-inspector-table.ts';
import { useChapterRun } from './use-chapter-run.ts';
import { useLessonFit } from './use-lesson-fit.ts';
import { useStepActions } from './use-step-actions.ts';
import { useEarlyStepKeys } from './use-step-keys.ts';
import { useStepMotion } from './use-step-motion.ts';
import { inLanguage, useWords } from '../i18n/index.ts';
import { useRegionRef } from '../regions.ts';
import { useReducedMotion } from '../use-reduced-motion.ts';
import { SummaryLine } from '../panels/SummaryLine.tsx';
import { formatTime } from '../../viz/format.ts';

export function ChapterPlayer({ entry }: { entry: ChapterEntry }) {
  const run = useChapterRun(entry);
  const found = useLesson((s) => s.found);
  const words = useWords(LEARN_STRINGS);
  const region = useRegionRef('lesson');
  // What the loading box below shows: the chapter's keys are its own already.
  useEarlyStepKeys(run.status !== 'failed' && (run.status !== 'ready' || found === null));
  if (run.status !== 'ready' || found === null) {
    const status = run.status === 'failed' ? 'failed' : 'loading';
    return (
      <section ref={region} className="rs-lesson" data-testid="chapter" data-status={status} aria-busy={status === 'loading'}>
        <p className="rs-lesson-caption" role={run.status === 'failed' ? 'alert' : undefined}>
          {run.status === 'failed' ? words.loadFailed(run.message) : words.loading}
        </p>
      </section>
    );
  }
  return <ReadyChapter entry={entry} chapter={run.chapter} found={found} />;
}

/** The step shown, its question's answer and its moment are the lesson store's, derived from its moments (store/lesson.ts). */
function ReadyChapter({ entry, chapter, found }: { entry: ChapterEntry; chapter: Chapter; found: ChapterFound }) {
  const language = usePlayback((s) => s.language);
  const words = useWords(LEARN_STRINGS);
  const count = useLesson(stepCountOf);
  const step = useLesson(shownStepOf);
  const picked = useLesson(pickedOf);
  const revealed = useLesson(revealedOf);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const current = chapter.steps[step];
  const motion = useStepMotion(chapter.steps, found.moments, step, revealed);
  const { target, arrived, left } = motion;
  const number = CHAPTERS.indexOf(entry) + 1;
  const section = useRef<HTMLElement>(null);
  const region = useRegionRef('lesson', section);
  const scroll = useRef<HTMLDivElement>(null);
  const reducedMotion = useReducedMotion();
  useLessonUnderBar(section);
  // Everything that changes the box's height: the step's words, its question's answer and verdict.
  useLessonFit(section, scroll, usePage((s) => s.presenting), `${chapter.id} ${step} ${language} ${picked} ${arrived} ${left} ${count}`);
  // A message's card is the subject of a message step; a process's box, or an answered question's queues, are on the canvas.
  const answered = current?.predict !== undefined && picked !== undefined;
  // A step about a part of a broker has that part in the inspector as its subject, not the broker's box on the canvas.
  const brokerPart = current?.focus?.kind === 'broker' ? current.focus.module : undefined;
  // So does a step about a table of a NameServer's inspector; the least scroll that shows it keeps the NameServer's box in sight.
  const nameServerTable = current?.focus?.kind === 'nameServer' ? current.focus.table : undefined;
  const inspectorPart = brokerPart ?? nameServerTable;
  useFocusInView(section, arrived, revealed && current?.focus?.kind !== 'message' && inspectorPart === undefined && (current?.focus !== undefined || answered), step, reducedMotion, answered);
  useCardSection(arrived && revealed, current?.focus?.kind === 'message' ? current.focus.section : undefined, step);
  useBrokerModule(section, arrived && revealed, brokerPart, step);
  useInspectorTable(section, arrived && revealed, nameServerTable, step);
  // A step counts as read once the run shows its moment: the chapter list reopens the chapter there.
  useEffect(() => {
    if (arrived) recordStep(chapter.id, step, count);
  }, [arrived, chapter.id, step, count]);
  const following = CHAPTERS[number];
  const actions = useStepActions({ step, count, revealed, following }, motion);
  if (!current) return null;
  const tagLabel = current.tag === 'why' ? words.why : current.tag === 'correction' ? words.correction : null;

  return (
    <section
      ref={region}
      className={`rs-lesson${left ? ' rs-lesson-left' : ''}`}
      aria-labelledby="rs-lesson-title"
      data-testid="chapter"
      data-status="ready"
      data-chapter={chapter.id}
      data-step={step}
      data-arrived={arrived}
    >
      <LessonBar entry={entry} number={number} step={step} count={count} revealed={revealed} following={following} actions={actions} onGlossary={() => setGlossaryOpen(true)} />
      {/* The step's words, under the bar and over the counters: what the box's cap leaves no room for scrolls here (use-lesson-fit.ts). */}
      <div className="rs-lesson-scroll" ref={scroll} data-testid="lesson-scroll">
        <div className="rs-lesson-body" aria-live="polite">
          {tagLabel && revealed && <p className={`rs-lesson-tag rs-lesson-tag-${current.tag}`}>{tagLabel}</p>}
          {revealed && <p className="rs-lesson-caption" data-testid="step-caption">{inLanguage(current.caption, language)}</p>}
          {current.predict && (
            <PredictionBox prediction={current.predict} picked={picked} arrived={arrived || left} language={language} onPick={actions.pick} />
          )}
          {left && target !== null && (
            <p className="rs-lesson-note" data-testid="step-left">
              {words.leftStep(formatTime(target))}{' '}
              <button type="button" className="rs-button rs-button-small" data-testid="back-to-step" onClick={() => jumpTo(target)}>{words.backToStep}</button>
            </p>
          )}
          {found.moments.unmet !== null && step + 1 === count && <p className="rs-lesson-note">{words.unmet(count + 1)}</p>}
        </div>
        {revealed && arrived && current.figure && <AllocationFigure figure={current.figure} />}
      </div>
      <SummaryLine inLesson />
      {glossaryOpen && <Glossary onClose={() => setGlossaryOpen(false)} />}
    </section>
  );
}
