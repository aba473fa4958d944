/**
 * The content width of an element, followed with a ResizeObserver; the fallback until measured
 * (and where there is no ResizeObserver, as under jsdom). Returns a callback ref, so measuring
 * starts whenever the element appears, also after the panel first rendered without it.
 */
import { useEffect, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(fallback: number): [(element: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width;
      if (measured !== undefined && measured > 0) setWidth(Math.round(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
