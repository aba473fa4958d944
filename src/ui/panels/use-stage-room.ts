/**
 * The height the window has for an element (the topology's stage), followed on window resizes
 * and whenever the element's own size changes. Infinity until measured (and under jsdom, which
 * lays nothing out).
 *
 * - On the page, the height left below the element's top in page coordinates (so scrolling does
 *   not change it): the drawing fits the first screen.
 * - While presenting, the panel is scrolled up to just under the playback bar
 *   (use-presenting-scroll.ts), so the room is the window's height below the bar, less what the
 *   panel shows above the element (its title and the caption).
 */
import { useEffect, useState } from 'react';
import { PRESENTING_GAP } from './use-presenting-scroll.ts';

function measureRoom(element: HTMLElement, presenting: boolean): number {
  const top = element.getBoundingClientRect().top;
  const bar = document.querySelector('.rs-controls');
  const panel = element.closest('.rs-panel');
  if (!presenting || !bar || !panel) return Math.round(window.innerHeight - top - window.scrollY);
  return Math.round(window.innerHeight - bar.getBoundingClientRect().height - PRESENTING_GAP - (top - panel.getBoundingClientRect().top));
}

export function useStageRoom(element: HTMLElement | null, presenting: boolean): number {
  const [room, setRoom] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setRoom(measureRoom(element, presenting));
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element, presenting]);
  return room;
}
