/**
 * Keyboard shortcuts from the command list (ui/commands.ts). A key typed into a field belongs
 * to the field, Space or Enter on a focused button presses that button, and arrows on a focused
 * slider move the slider, as everywhere else; a modal dialog keeps its keys (modal.ts); every other
 * shortcut works wherever focus is.
 */
import { useEffect } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { commandForKey } from '../commands.ts';
import { closeTopmost } from './escape.ts';
import { inModal } from './modal.ts';

/** Inputs that take no typed text: a shortcut pressed on them still works. */
const NOT_TYPED = ['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].map((type) => `:not([type="${type}"])`).join('');
const TYPING = `input${NOT_TYPED}, textarea, select, [contenteditable]:not([contenteditable="false"])`;
const PRESSABLE = 'button, a[href], [role="button"], summary, input[type="checkbox"], input[type="radio"]';
/** Keys a focused slider uses itself (the playhead, the speed). */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

/** A range input: its arrow, Home, End and Page keys move it, not the page's shortcuts. */
export function isSlider(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

export function onShortcutKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  if (event.key === 'Escape') {
    if (closeTopmost()) event.preventDefault();
    return;
  }
  if (isTypingTarget(event.target) || inModal(event.target)) return;
  if (isSlider(event.target) && SLIDER_KEYS.has(event.key)) return;
  if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof Element && event.target.closest(PRESSABLE)) return;
  const state = usePlayback.getState();
  const command = commandForKey(event, state.presenting);
  if (!command) return;
  event.preventDefault();
  if (state.blanked) state.setBlanked(false);
  else command.perform();
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onShortcutKey);
    return () => window.removeEventListener('keydown', onShortcutKey);
  }, []);
}
