/**
 * A modal dialog over the page (WAI-ARIA's dialog pattern): the help, the chapter list and the
 * glossary. A click outside it or Escape closes it, Tab stays inside it, the page's
 * shortcuts do not reach the run behind it (use-keyboard.ts), and focus goes back to what opened
 * it as it closes (use-focus-return.ts).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useFocusReturn } from './use-focus-return.ts';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab past the dialog's last control comes back to its first, Shift+Tab before its first goes to
 * its last. Without it, Tab left the glossary for the page's controls hidden behind the overlay,
 * where Escape no longer reached the dialog (a keyboard and screen-reader review). Here, not in
 * modal.ts beside inModal: the page's first script carries inModal, and this only with a dialog.
 */
function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
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

interface ModalDialogProps {
  /** The id of the dialog's heading, which names it. */
  titleId: string;
  onClose(): void;
  /** The control focused as the dialog opens: where a keyboard user starts in it. */
  initialFocus: RefObject<HTMLElement | null>;
  /** Classes after `rs-dialog`. */
  className: string;
  testId: string;
  children: ReactNode;
}

/** The dialog box itself takes no focus: its initial control does. */
const NOT_ITSELF = (): boolean => false;

export function ModalDialog({ titleId, onClose, initialFocus, className, testId, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  // First, so the opener is remembered before focus moves into the dialog.
  useFocusReturn(dialog, NOT_ITSELF);
  useEffect(() => {
    // Without a scroll: a dialog taller than the window (presentation mode's type) would open
    // scrolled to the control, its title cut off.
    initialFocus.current?.focus({ preventScroll: true });
  }, [initialFocus]);
  return (
    <div className="rs-overlay" onClick={onClose}>
      <div
        ref={dialog}
        className={`rs-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          keepTabInside(event);
          if (event.key !== 'Escape') return;
          // This dialog only: the page's Escape would go on to close what lies under it (escape.ts).
          event.stopPropagation();
          onClose();
        }}
      >
        {children}
      </div>
    </div>
  );
}
