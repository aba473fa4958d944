/**
 * A view that opens over or beside the page (the message card, the editor) takes focus when it
 * opens, so a keyboard user is in it at once, and gives focus back to what opened it when it
 * closes (by Escape, its close button or anything else), so they do not lose their place.
 */
import { useEffect, type RefObject } from 'react';

export function useFocusReturn(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement;
    const element = container.current;
    element?.focus({ preventScroll: true });
    return () => {
      // Focus left inside the closed view (now gone) goes back; focus the person moved elsewhere stays.
      const lost = document.activeElement === null || document.activeElement === document.body || element?.contains(document.activeElement);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
  }, [container]);
}
