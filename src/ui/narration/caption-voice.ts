/**
 * Whether a narration caption is on the page (NarrationCaption.tsx). The caption says a step's
 * event with its time, so the playhead's output keeps quiet while one is there (TimeDisplay.tsx):
 * both spoke at each step, the time twice.
 */
import { useLayoutEffect } from 'react';
import { create } from 'zustand';

/** How many captions are on the page. */
export const useCaptionsOnPage = create<{ count: number }>(() => ({ count: 0 }));

const add = (by: number) => useCaptionsOnPage.setState(({ count }) => ({ count: count + by }));

/** Counts the caption as on the page while `shown`: before the browser paints it, so the output is never polite beside it. */
export function useCaptionShown(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown) return undefined;
    add(1);
    return () => add(-1);
  }, [shown]);
}
