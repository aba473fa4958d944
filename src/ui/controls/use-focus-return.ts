/**
 * A view that opens over or beside the page (the message card, the editor) takes focus when it
 * opens, so a keyboard user is in it at once, and gives focus back to what opened it when it
 * closes (by Escape, its close button or anything else), so they do not lose their place.
 */
import { useEffect, type RefObject } from 'react';

const ALWAYS = (): boolean => true;

/** Whether keyboard focus has fallen to the page's body: what held it went away. */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * `takesFocusFrom` may leave focus where it is: a chapter's Next, whose step opens a card, keeps
 * it, and the next Enter goes on to the next step (the step's text says the card is open). A
 * module's function, not one made at each render, or the view would take focus again each time.
 */
export function useFocusReturn(container: RefObject<HTMLElement | null>, takesFocusFrom: (opener: Element | null) => boolean = ALWAYS): void {
  useEffect(() => {
    const opener = document.activeElement;
    const element = container.current;
    if (takesFocusFrom(opener)) element?.focus({ preventScroll: true });
    return () => {
      // Focus left inside the closed view (now gone) goes back; focus the person moved elsewhere stays.
      const lost = focusLost() || element?.contains(document.activeElement);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
  }, [container, takesFocusFrom]);
}
