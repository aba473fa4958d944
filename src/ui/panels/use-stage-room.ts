/**
 * The height the window has for an element (the topology's stage), followed on window resizes
 * and whenever the element's own size changes. Infinity until measured (and under jsdom, which
 * lays nothing out).
 *
 * - On the page, the height left below the element's top in page coordinates (so scrolling does
 *   not change it): the drawing fits the first screen.
 * - While presenting, the panel (or, under a chapter's lesson box, the drawing) is scrolled up to
 *   just under what stays at the window's top (use-presenting-scroll.ts), so the room is the
 *   window's height below that, less what the panel shows above the element when the panel is
 *   what was scrolled to (its title and the caption).
 */
import { useEffect, useState } from 'react';
import { regionElement } from '../regions.ts';
import { presentingTop } from './use-presenting-scroll.ts';

function measureRoom(element: HTMLElement, presenting: boolean, reading: boolean): number {
  const top = element.getBoundingClientRect().top;
  const panel = element.closest('.rs-panel');
  const clearTop = presenting && panel ? presentingTop(reading) : null;
  if (clearTop === null || !panel) return Math.round(window.innerHeight - top - window.scrollY);
  return Math.round(window.innerHeight - clearTop - (reading ? 0 : top - panel.getBoundingClientRect().top));
}

export function useStageRoom(element: HTMLElement | null, presenting: boolean, reading: boolean): number {
  const [room, setRoom] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setRoom(measureRoom(element, presenting, reading));
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // Presenting a chapter, the room is below the lesson box, whose height changes with the step.
    const lesson = regionElement('lesson');
    if (presenting && reading && lesson) observer.observe(lesson);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element, presenting, reading]);
  return room;
}
