/**
 * Presentation mode on a short screen (a 1280x800 projector): the header, the scenario's lesson
 * and the counters fill half the window, and the topology, what the room looks at, would start
 * below it. While presenting, whenever the topology panel's size changes (entering the mode draws
 * it larger, a caption takes a line more) the window scrolls until the panel ends on screen, at
 * most until the panel sits just under the playback bar, which stays on screen (sticky). It never
 * scrolls up, so what a presenter scrolled to stays while the panel fits.
 */
import { useEffect } from 'react';

/** Room between the playback bar and the panel once scrolled. */
export const PRESENTING_GAP = 8;

export function usePresentingScroll(stage: HTMLElement | null, presenting: boolean): void {
  useEffect(() => {
    const panel = stage?.closest('.rs-panel');
    if (!presenting || !panel || typeof ResizeObserver === 'undefined') return;
    // The first call comes as observing starts, each later one after the panel's new layout.
    const observer = new ResizeObserver(() => bringIntoView(panel));
    observer.observe(panel);
    return () => observer.disconnect();
  }, [presenting, stage]);
}

function bringIntoView(panel: Element): void {
  const bar = document.querySelector('.rs-controls');
  if (!bar) return;
  const { top, bottom } = panel.getBoundingClientRect();
  const by = Math.min(bottom - window.innerHeight, top - bar.getBoundingClientRect().height - PRESENTING_GAP);
  if (by > 0) window.scrollBy({ top: by });
}
