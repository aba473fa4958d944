/**
 * A box that may scroll (a wide table in a narrow column, a long card). While its content
 * overflows it is a named region in the tab order, so a keyboard user can reach it and scroll
 * it with the arrow keys; while everything fits it is a plain box and costs no tab stop.
 */
import { useEffect, useState, type ReactNode } from 'react';

function overflows(element: HTMLElement): boolean {
  return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
}

/** Whether the element's content overflows it, followed as the element or its children change size. */
function useOverflow(element: HTMLElement | null): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    if (!element) return undefined;
    const check = () => setOverflowing(overflows(element));
    check();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [element]);
  return overflowing;
}

interface ScrollAreaProps {
  /** The region's name: what a screen reader announces when it is focused (the table's caption, the card's title). */
  label: string;
  className: string;
  children: ReactNode;
  testId?: string | undefined;
}

export function ScrollArea({ label, className, children, testId }: ScrollAreaProps) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const scrollable = useOverflow(element);
  return (
    <div
      ref={setElement}
      className={className}
      data-testid={testId}
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
