/**
 * The guided chapters, as the person controls them: whether the chapter list is open, which
 * chapter is being read and at which step. The run itself stays in the playback store (the one
 * owner of time); a chapter only asks it to load its scenario and to move to a step's moment.
 */
import { create } from 'zustand';
import { usePlayback } from './playback.ts';

export interface LessonState {
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
  /** The moment the step shows (its own, or the one before while its question is open); null until its run is ready. */
  stepMomentMs: number | null;
  /** The trace index of the event the shown step waited for (the caption tells it at its instant); null for a time or an open question. */
  stepEventIndex: number | null;
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
  /** Records the step's answer; null forgets it (a link's answer its question does not have). */
  answer(step: number, choice: number | null): void;
  setStepMoment(timeMs: number | null, eventIndex?: number | null): void;
  /** The link's moment, once: null when there is none (or it was taken). */
  takePendingTime(): number | null;
  /** The chapter's scenario is now the loaded run. */
  markLoaded(runVersion: number): void;
  closeChapter(): void;
  /** Forgets the chapter another run ended (its note dismissed). */
  forgetLeftChapter(): void;
}

/** Whether a chapter is open (its lesson box takes the summary bar's place, and ← → move between its steps). */
export const inChapter = (state: LessonState): boolean => state.chapterId !== null;

/** What a closed chapter leaves: no chapter, its step, run and answers forgotten (the list and the left chapter's note are not its). */
const CLOSED = { chapterId: null, step: 0, loadedVersion: null, stepMomentMs: null, stepEventIndex: null, pendingTimeMs: null, answers: {} } satisfies Partial<LessonState>;

export const useLesson = create<LessonState>()((set, get) => ({
  listOpen: false,
  chapterId: null,
  step: 0,
  loadedVersion: null,
  chapterRunVersion: null,
  leftChapter: null,
  stepMomentMs: null,
  stepEventIndex: null,
  pendingTimeMs: null,
  answers: {},
  setListOpen(listOpen) {
    set({ listOpen });
  },
  openChapter(chapterId, step = 0, linked = {}) {
    const at = Math.max(0, Math.floor(step));
    set({
      chapterId, step: at, loadedVersion: null, listOpen: false, leftChapter: null, stepMomentMs: null, stepEventIndex: null,
      pendingTimeMs: linked.timeMs ?? null, answers: linked.answer === undefined ? {} : { [at]: linked.answer },
    });
  },
  setStep(step) {
    set({ step: Math.max(0, Math.floor(step)), pendingTimeMs: null });
  },
  answer(step, choice) {
    set((state) => {
      const answers = { ...state.answers };
      if (choice === null) delete answers[step];
      else answers[step] = choice;
      return { answers };
    });
  },
  setStepMoment(stepMomentMs, stepEventIndex = null) {
    set({ stepMomentMs, stepEventIndex });
  },
  takePendingTime() {
    const { pendingTimeMs } = get();
    if (pendingTimeMs !== null) set({ pendingTimeMs: null });
    return pendingTimeMs;
  },
  markLoaded(loadedVersion) {
    set({ loadedVersion, chapterRunVersion: loadedVersion });
  },
  closeChapter() {
    set(CLOSED);
  },
  forgetLeftChapter() {
    set({ leftChapter: null });
  },
}));

usePlayback.subscribe((state, previous) => {
  const { chapterId, loadedVersion } = useLesson.getState();
  if (chapterId === null || loadedVersion === null) return;
  if (state.runVersion === previous.runVersion || state.runVersion === loadedVersion) return;
  // One update: the chapter closes and remembers where it was, so the note replaces the lesson box in one render.
  useLesson.setState({ ...CLOSED, leftChapter: { id: chapterId, step: useLesson.getState().step } });
});
