/**
 * The height left in the window below an element's top (in page coordinates, so scrolling does
 * not change it), followed on window resizes and whenever the element's own size changes.
 * Infinity until measured (and under jsdom, which lays nothing out).
 */
import { useEffect, useState } from 'react';

export function useStageRoom(element: HTMLElement | null): number {
  const [room, setRoom] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setRoom(Math.round(window.innerHeight - element.getBoundingClientRect().top - window.scrollY));
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element]);
  return room;
}
