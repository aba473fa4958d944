/** A modal dialog is the keyboard's while it is open (ModalDialog.tsx keeps Tab inside it). */

/** Whether a key was pressed inside a modal dialog: the page's shortcuts do not reach the run behind it. */
export function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"]') !== null;
}
