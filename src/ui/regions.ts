/**
 * The page's regions that hooks in other components measure, scroll or give focus to: the playback
 * bar (a sticky header the scrolled-to element sits under), the lesson box, the two columns, the
 * Play button, the inspector, the topology's drawing, the message card and the NameServer panel
 * (the failover record's way to it). The component that draws
 * a region registers its element (`ref={useRegionRef(...)}`); a hook reads the element React made
 * with regionElement, rather than finding it by a CSS class or a test id, which a stylesheet or a
 * test could rename without tsc or lint noticing.
 */
import { useCallback, type RefCallback, type RefObject } from 'react';

/** `panels`: the summary's counters and the two columns under them. */
export type Region = 'controls' | 'lesson' | 'panels' | 'mainColumn' | 'sideColumn' | 'play' | 'inspector' | 'topology' | 'messageCard' | 'nameServers';

/** The component's own ref to the element: an object, or a callback (given null when the element goes). */
type OwnRef<E> = RefObject<E | null> | ((element: E | null) => void);

const elements = new Map<Region, Element>();

function setOwn<E>(ownRef: OwnRef<E> | undefined, element: E | null): void {
  if (typeof ownRef === 'function') ownRef(element);
  else if (ownRef) ownRef.current = element;
}

/**
 * The ref of the element that is region `name` (none: a frame drawn for a region or not, PanelFrame),
 * registered while it is mounted (React 19 calls the cleanup a ref returns); `ownRef`, the
 * component's own ref to it, is set too.
 */
export function useRegionRef<E extends Element>(name: Region | undefined, ownRef?: OwnRef<E>): RefCallback<E> {
  return useCallback((element: E | null) => {
    setOwn(ownRef, element);
    if (!element) return undefined;
    if (name) elements.set(name, element);
    return () => {
      setOwn(ownRef, null);
      if (name && elements.get(name) === element) elements.delete(name);
    };
  }, [name, ownRef]);
}

/** The element of region `name` on the page, or null while none is mounted. */
export function regionElement(name: Region): Element | null {
  return elements.get(name) ?? null;
}
