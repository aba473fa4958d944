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
import { usePlayback } from '../../store/playback.ts';
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

export function useStepKeys(onNext: () => void, onBack: () => void): void {
  const handlers = useRef({ onNext, onBack });
  useEffect(() => {
    handlers.current = { onNext, onBack };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return;
      // A modal dialog (the chapter list, the glossary, the help) keeps its keys; the message card is not modal.
      if (isTypingTarget(event.target) || isSlider(event.target) || ownsArrowKeys(event) || inModal(event.target)) return;
      const step = stepMove(event.key);
      if (!step) return;
      const move = step === 'next' ? handlers.current.onNext : handlers.current.onBack;
      event.preventDefault();
      // A blanked stage comes back on the step it left (a clicker's next or back only lifts the blank).
      if (usePlayback.getState().blanked) usePlayback.getState().setBlanked(false);
      else move();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
