/**
 * The guided chapters, as the person controls them: whether the chapter list is open, which
 * chapter is being read and at which step. The run itself stays in the playback store (the one
 * owner of time); a chapter only asks it to load its scenario and to move to a step's moment.
 */
import { create } from 'zustand';
import type { ChapterMoments } from '../sim/queries/chapter-moments.ts';
import { usePlayback } from './playback.ts';

/**
 * What the open chapter's run says of its steps, once the named query `chapterMoments` has found
 * them: each step's moment, and how many choices each step's question offers (0: it asks none).
 * The moment a step shows is derived from it (stepMomentOf), never stored beside it.
 */
export interface ChapterFound {
  moments: ChapterMoments;
  choices: readonly number[];
}

interface LessonState {
  listOpen: boolean;
  chapterId: string | null;
  step: number;
  /**
   * The playback store's runVersion once the chapter's scenario is loaded; null until then.
   * Another scenario loaded afterwards (the picker, an upload, an edit) ends the chapter.
   */
  loadedVersion: number | null;
  /**
   * The runVersion of the run a chapter loaded last, kept once the chapter is left ("Try it
   * yourself" plays that run freely): until another run is loaded it is the chapter's scenario,
   * not one the person edited, opened or shared.
   */
  chapterRunVersion: number | null;
  /**
   * The chapter and step another run ended (an edit, the version switch, a file, the picker): the
   * page says so and offers the step back, until the person opens a chapter or dismisses it.
   */
  leftChapter: { id: string; step: number } | null;
  /** The open chapter's moments and questions, once its run is ready; null until then. */
  found: ChapterFound | null;
  /** A moment a link asked for inside the step (`t`): the run goes there once the step has arrived. */
  pendingTimeMs: number | null;
  /**
   * The choice picked for each step's question in the open chapter (-1: went on without one).
   * Kept here, not in the player, so a link carries the shown step's answer (`a`) and opens it answered.
   */
  answers: Readonly<Record<number, number>>;
  setListOpen(open: boolean): void;
  /** Opens a chapter at a step; a link may add a moment inside it and the answer of its question. */
  openChapter(id: string, step?: number, linked?: { timeMs?: number; answer?: number }): void;
  setStep(step: number): void;
  /** Records the step's answer. */
  answer(step: number, choice: number): void;
  /** The link's moment, once: null when there is none (or it was taken). */
  takePendingTime(): number | null;
  /** The chapter's scenario is now the loaded run. */
  markLoaded(runVersion: number): void;
  /**
   * The chapter's moments are found on the run `runVersion` (dropped when that is no longer the
   * chapter's run); an answer a link gave that its step's question does not have is forgotten at
   * once, so no render shows it and the address stops carrying it.
   */
  markFound(runVersion: number, found: ChapterFound): void;
  closeChapter(): void;
  /**
   * Leaves the open chapter and remembers its step, which the page offers back (LeftChapterNote):
   * "Try it yourself", or another run loaded. One update, so the note replaces the lesson box in one render.
   */
  leaveChapter(): void;
  /** Forgets the chapter another run ended (its note dismissed). */
  forgetLeftChapter(): void;
}

/** Whether a chapter is open (its lesson box takes the summary bar's place, and ← → move between its steps). */
export const inChapter = (state: LessonState): boolean => state.chapterId !== null;

/** How many steps the chapter offers: those before the first its run never reached (a test checks every chapter reaches all). */
export function stepCountOf({ found }: LessonState): number {
  return found === null ? 0 : found.moments.unmet ?? found.choices.length;
}

/** The step shown: the one asked for, or the chapter's last once its run is known (a link may name one past it). */
export function shownStepOf(state: LessonState): number {
  return state.found === null ? state.step : Math.min(state.step, Math.max(0, stepCountOf(state) - 1));
}

/** The shown step's answer (-1: went on without one); undefined while its question is open. */
export const pickedOf = (state: LessonState): number | undefined => state.answers[shownStepOf(state)];

/** Whether the shown step says what happened: it asks nothing, or its question is answered. */
export function revealedOf(state: LessonState): boolean {
  return (state.found?.choices[shownStepOf(state)] ?? 0) === 0 || pickedOf(state) !== undefined;
}

/**
 * The moment the shown step shows: its own, or the one before while its question is open (0 before
 * the first step's); null until the chapter's run is ready. Derived, in the render that shows the
 * step, so nothing reads the previous step's moment (the caption, the address).
 */
export function stepMomentOf(state: LessonState): number | null {
  if (state.found === null) return null;
  const index = revealedOf(state) ? shownStepOf(state) : shownStepOf(state) - 1;
  return index < 0 ? 0 : state.found.moments.moments[index]?.t ?? null;
}

/** The trace index of the event the shown step waited for (the caption tells it at its instant); null for a time or an open question. */
export function stepEventIndexOf(state: LessonState): number | null {
  if (state.found === null || !revealedOf(state)) return null;
  return state.found.moments.moments[shownStepOf(state)]?.index ?? null;
}

/** The answers a chapter's questions have: a choice of the step's question, or -1 (went on without one). */
function answersIn(answers: Readonly<Record<number, number>>, choices: readonly number[]): Readonly<Record<number, number>> {
  const kept = Object.entries(answers).filter(([step, choice]) => choice >= -1 && choice < (choices[Number(step)] ?? 0));
  return kept.length === Object.keys(answers).length ? answers : Object.fromEntries(kept);
}

/** What a closed chapter leaves: no chapter, its step, run and answers forgotten (the list and the left chapter's note are not its). */
const CLOSED = { chapterId: null, step: 0, loadedVersion: null, found: null, pendingTimeMs: null, answers: {} } satisfies Partial<LessonState>;

export const useLesson = create<LessonState>()((set, get) => ({
  listOpen: false,
  chapterId: null,
  step: 0,
  loadedVersion: null,
  chapterRunVersion: null,
  leftChapter: null,
  found: null,
  pendingTimeMs: null,
  answers: {},
  setListOpen(listOpen) {
    set({ listOpen });
  },
  openChapter(chapterId, step = 0, linked = {}) {
    const at = Math.max(0, Math.floor(step));
    // The chapter already open (its list, a pasted link to another of its steps) keeps its run and
    // moments: another run loaded would have closed it.
    const { chapterId: open, found } = get();
    const answers = linked.answer === undefined ? {} : { [at]: linked.answer };
    set({
      chapterId, step: at, listOpen: false, leftChapter: null, pendingTimeMs: linked.timeMs ?? null,
      ...(open === chapterId ? { answers: found === null ? answers : answersIn(answers, found.choices) } : { loadedVersion: null, found: null, answers }),
    });
  },
  setStep(step) {
    set({ step: Math.max(0, Math.floor(step)), pendingTimeMs: null });
  },
  answer(step, choice) {
    set((state) => ({ answers: { ...state.answers, [step]: choice } }));
  },
  takePendingTime() {
    const { pendingTimeMs } = get();
    if (pendingTimeMs !== null) set({ pendingTimeMs: null });
    return pendingTimeMs;
  },
  markLoaded(loadedVersion) {
    set({ loadedVersion, chapterRunVersion: loadedVersion });
  },
  markFound(runVersion, found) {
    if (get().loadedVersion !== runVersion) return;
    set((state) => ({ found, answers: answersIn(state.answers, found.choices) }));
  },
  closeChapter() {
    set(CLOSED);
  },
  leaveChapter() {
    const state = get();
    if (state.chapterId === null) return;
    set({ ...CLOSED, leftChapter: { id: state.chapterId, step: shownStepOf(state) } });
  },
  forgetLeftChapter() {
    set({ leftChapter: null });
  },
}));

usePlayback.subscribe((state, previous) => {
  const { chapterId, loadedVersion, leaveChapter } = useLesson.getState();
  if (chapterId === null || loadedVersion === null) return;
  if (state.runVersion === previous.runVersion || state.runVersion === loadedVersion) return;
  leaveChapter();
});
