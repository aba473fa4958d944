/**
 * A modal dialog keeps the keyboard inside it (WAI-ARIA's dialog pattern): Tab past its last
 * control comes back to its first, Shift+Tab before its first goes to its last. Without it, Tab
 * left the glossary for the page's controls hidden behind the overlay, where Escape no longer
 * reached the dialog (a keyboard and screen-reader review).
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog's onKeyDown for Tab: wraps focus around its controls. */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const leaving = event.shiftKey ? active === first || !event.currentTarget.contains(active) : active === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/** Whether a key was pressed inside a modal dialog: the page's shortcuts do not reach the run behind it. */
export function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"]') !== null;
}
