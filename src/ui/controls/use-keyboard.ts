/**
 * Keyboard shortcuts from the command list (ui/commands.ts). A key typed into a field belongs
 * to the field, Space or Enter on a focused button presses that button, and arrows inside a widget
 * that moves by them (a slider, tabs, radios: ownsArrowKeys) move in the widget, as everywhere
 * else; a modal dialog keeps its keys (modal.ts); every other shortcut works wherever focus is,
 * the single-character ones only while the person has not turned them off (WCAG 2.1.4).
 */
import { useEffect } from 'react';
import { usePage } from '../../store/page.ts';
import { commandForKey } from '../commands.ts';
import { closeTopmost } from './escape.ts';
import { inModal } from './modal.ts';

/** Inputs that take no typed text: a shortcut pressed on them still works. */
const NOT_TYPED = ['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].map((type) => `:not([type="${type}"])`).join('');
const TYPING = `input${NOT_TYPED}, textarea, select, [contenteditable]:not([contenteditable="false"])`;
const PRESSABLE = 'button, a[href], [role="button"], summary, input[type="checkbox"], input[type="radio"]';
const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
/** Keys a focused slider uses itself (the playhead, the speed). */
const SLIDER_KEYS = new Set([...ARROW_KEYS, 'Home', 'End', 'PageUp', 'PageDown']);
/**
 * Widgets whose keyboard model moves within them by the arrows (WAI-ARIA's tabs, radio group,
 * slider, listbox, menu, grid, toolbar and tree patterns; native radios): by their role, so a widget added
 * later is covered without being named here. A native range is isSlider's, which both shortcut
 * listeners ask first. The page's own composite widgets also claim the arrows they use with
 * preventDefault, which both shortcut listeners respect.
 */
const ARROW_WIDGETS = ['tablist', 'radiogroup', 'slider', 'listbox', 'menu', 'menubar', 'grid', 'toolbar', 'tree', 'treegrid']
  .map((role) => `[role="${role}"]`).concat('input[type="radio"]').join(', ');

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

/** A range input: its arrow, Home, End and Page keys move it, not the page's shortcuts. */
export function isSlider(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

/** An arrow key pressed inside a widget that moves by the arrows: the widget's, not a shortcut's. */
export function ownsArrowKeys(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
  return ARROW_KEYS.has(event.key) && event.target instanceof Element && event.target.closest(ARROW_WIDGETS) !== null;
}

export function onShortcutKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  if (event.key === 'Escape') {
    if (closeTopmost()) event.preventDefault();
    return;
  }
  if (isTypingTarget(event.target) || inModal(event.target)) return;
  if (isSlider(event.target) && SLIDER_KEYS.has(event.key)) return;
  // Alt+arrows stay the page's (Alt+← is back 1 s): no arrow widget here takes them.
  if (!event.altKey && ownsArrowKeys(event)) return;
  if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof Element && event.target.closest(PRESSABLE)) return;
  const page = usePage.getState();
  const command = commandForKey(event, page.presenting, page.singleKeyShortcuts);
  if (!command) return;
  event.preventDefault();
  if (page.blanked) page.setBlanked(false);
  else command.perform();
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onShortcutKey);
    return () => window.removeEventListener('keydown', onShortcutKey);
  }, []);
}
