/**
 * The page's regions that hooks in other components measure or give focus to: the playback bar
 * (a sticky header the scrolled-to element sits under), the lesson box, the two columns and the
 * Play button. The component that draws a region registers its element (`ref={useRegionRef(...)}`);
 * a hook reads the element React made with regionElement, rather than finding it by a CSS class or
 * a test id, which a stylesheet or a test could rename without tsc or lint noticing.
 */
import { useCallback, type RefCallback, type RefObject } from 'react';

type Region = 'controls' | 'lesson' | 'mainColumn' | 'sideColumn' | 'play';

const elements = new Map<Region, Element>();

/**
 * The ref of the element that is region `name`, registered while it is mounted (React 19 calls the
 * cleanup a ref returns); `ownRef`, the component's own ref to it, is set too.
 */
export function useRegionRef<E extends Element>(name: Region, ownRef?: RefObject<E | null>): RefCallback<E> {
  return useCallback((element: E | null) => {
    if (ownRef) ownRef.current = element;
    if (!element) return undefined;
    elements.set(name, element);
    return () => {
      if (ownRef) ownRef.current = null;
      if (elements.get(name) === element) elements.delete(name);
    };
  }, [name, ownRef]);
}

/** The element of region `name` on the page, or null while none is mounted. */
export function regionElement(name: Region): Element | null {
  return elements.get(name) ?? null;
}
