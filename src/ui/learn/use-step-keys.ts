/**
 * In a chapter, → and PageDown go to the next step, ← and PageUp back (a presentation clicker
 * sends PageDown / PageUp). Listened to on the document as the key bubbles up: after the focused
 * widget's own handler, which claims an arrow it moves by (tabs, a chart's readout, the space-time
 * strokes, a heat row) with preventDefault, and before the page's own shortcuts on the window,
 * which then leave the key alone. With a modifier the arrows keep their usual meaning (Shift+→
 * jumps 10 s ...). Keys typed into a field, arrows inside a widget that moves by them (a slider,
 * radios, tabs: ownsArrowKeys) and keys pressed in a modal dialog belong to it. Listened to in the
 * capture phase before, the chapter took the arrow from under a focused tab, which moved as well.
 */
import { useEffect, useRef } from 'react';
import { usePage } from '../../store/page.ts';
import type { KeyBinding } from '../commands.ts';
import { inModal } from '../controls/modal.ts';
import { isSlider, isTypingTarget, ownsArrowKeys } from '../controls/use-keyboard.ts';

interface StepKey extends KeyBinding {
  move: 'back' | 'next';
}

/** The keys a chapter takes, in the order the help overlay writes them: back and next, then a clicker's. */
export const STEP_KEYS: readonly StepKey[] = [
  { key: 'ArrowLeft', label: '←', move: 'back' },
  { key: 'ArrowRight', label: '→', move: 'next' },
  { key: 'PageUp', label: 'PageUp', move: 'back' },
  { key: 'PageDown', label: 'PageDown', move: 'next' },
];

function stepMove(key: string): StepKey['move'] | undefined {
  return STEP_KEYS.find((binding) => binding.key === key)?.move;
}

/** Whether a chapter takes a command's key from it: the help overlay does not offer it there. */
export function takenByChapter(binding: KeyBinding): boolean {
  return !binding.alt && !binding.shift && stepMove(binding.key) !== undefined;
}

/**
 * Presses made while the chapter gets ready (its scenario loading, its steps' moments being found):
 * already the chapter's, taken once it is ready (useStepKeys). Left to the page's shortcuts, a press
 * stepped the run the chapter was about to move, and was lost.
 */
const early: StepKey['move'][] = [];

/** Listens for the chapter's keys on the document (see above); returns the function that stops. */
function listen(take: (move: StepKey['move']) => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return;
    // A modal dialog (the chapter list, the glossary, the help) keeps its keys; the message card is not modal.
    if (isTypingTarget(event.target) || isSlider(event.target) || ownsArrowKeys(event) || inModal(event.target)) return;
    const step = stepMove(event.key);
    if (!step) return;
    event.preventDefault();
    // A blanked stage comes back on the step it left (a clicker's next or back only lifts the blank).
    if (usePage.getState().blanked) usePage.getState().setBlanked(false);
    else take(step);
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

export function useStepKeys(onNext: () => void, onBack: () => void): void {
  const handlers = useRef({ onNext, onBack });
  useEffect(() => {
    handlers.current = { onNext, onBack };
    // A press made while the chapter got ready, one a render: each from the step the one before reached.
    const move = early.shift();
    if (move) (move === 'next' ? onNext : onBack)();
  });
  useEffect(() => listen((move) => (move === 'next' ? handlers.current.onNext : handlers.current.onBack)()), []);
}

/** While the chapter gets ready (`gettingReady`), its keys are remembered for it; a chapter opens with none. */
export function useEarlyStepKeys(gettingReady: boolean): void {
  useEffect(() => {
    early.length = 0;
  }, []);
  useEffect(() => (gettingReady ? listen((move) => early.push(move)) : undefined), [gettingReady]);
}
