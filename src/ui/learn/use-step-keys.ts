/**
 * In a chapter, → and PageDown go to the next step, ← and PageUp back (a presentation clicker
 * sends PageDown / PageUp). Listened to before the page's own shortcuts, which then leave the key
 * alone; with a modifier the arrows keep their usual meaning (Shift+→ jumps 10 s ...). Keys typed
 * into a field, moving a focused slider or pressed in a modal dialog belong to it.
 */
import { useEffect, useRef } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { isTypingTarget } from '../controls/use-keyboard.ts';

const NEXT = new Set(['ArrowRight', 'PageDown']);
const BACK = new Set(['ArrowLeft', 'PageUp']);

function isSlider(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

export function useStepKeys(onNext: () => void, onBack: () => void): void {
  const handlers = useRef({ onNext, onBack });
  useEffect(() => {
    handlers.current = { onNext, onBack };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target) || isSlider(event.target)) return;
      // A modal dialog (the chapter list, the glossary, the help) keeps its keys; the message card is not modal.
      if (event.target instanceof Element && event.target.closest('[role="dialog"][aria-modal="true"]')) return;
      const move = NEXT.has(event.key) ? handlers.current.onNext : BACK.has(event.key) ? handlers.current.onBack : null;
      if (!move) return;
      event.preventDefault();
      // A blanked stage comes back on the step it left (a clicker's next or back only lifts the blank).
      if (usePlayback.getState().blanked) usePlayback.getState().setBlanked(false);
      else move();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
