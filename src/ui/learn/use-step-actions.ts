/**
 * What the chapter's buttons and keys (← → PageUp PageDown) do at the step shown: go on (a question
 * still open is passed without an answer; past the last step, the next chapter), go back, answer
 * the question, and "Try it yourself". Each says how the run moves there (use-step-motion.ts).
 */
import { useLesson } from '../../store/lesson.ts';
import type { ChapterEntry } from './chapter.ts';
import { jumpTo } from './glide.ts';
import type { Motion } from './use-step-motion.ts';
import { useStepKeys } from './use-step-keys.ts';

export interface StepActions {
  next(): void;
  back(): void;
  pick(choice: number): void;
  tryIt(): void;
}

interface StepPlace {
  step: number;
  /** How many steps the chapter offers (lesson store's stepCountOf). */
  count: number;
  revealed: boolean;
  /** The next chapter in the study note's order; none after the last. */
  following: ChapterEntry | undefined;
}

interface StepMotion {
  target: number | null;
  left: boolean;
  setMotion(how: Motion): void;
}

export function useStepActions({ step, count, revealed, following }: StepPlace, { target, left, setMotion }: StepMotion): StepActions {
  const pick = (choice: number) => {
    setMotion('glide');
    useLesson.getState().answer(step, choice);
  };
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
  /**
   * The free simulator, on this run at this step's moment, or where the reader moved the run to
   * ("from this moment"). The page says which step was left and offers it back (LeftChapterNote),
   * as it does when another run ends the chapter: the hint saying so is a tooltip, which a touch never shows.
   */
  const tryIt = () => {
    if (target !== null && !left) jumpTo(target);
    useLesson.getState().leaveChapter();
  };
  useStepKeys(next, back);
  return { next, back, pick, tryIt };
}
