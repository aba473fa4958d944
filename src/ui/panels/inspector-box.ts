/**
 * Brings a box of the inspector (a broker's module, a NameServer's table) into view, the least
 * scroll that shows it (a box taller than the room shows its top): the module map's buttons
 * (BrokerModules.tsx) and a chapter step about the part (src/ui/learn/use-broker-module.ts,
 * use-inspector-table.ts). The page's scroll padding keeps it below a stuck lesson box; the
 * inspector's title, stuck while its tables scroll under it (learn.css), is kept clear too, and
 * `gap` is left above and at the window's bottom. The margins are set on the box because
 * scrollIntoView reads them there (scroll-margin), and the title's height is known only once laid out.
 */
import { regionElement } from '../regions.ts';

export function bringInspectorBoxIntoView(box: HTMLElement, gap: number): void {
  const title = regionElement('inspector')?.querySelector<HTMLElement>('[data-inspect-title]');
  box.style.scrollMarginTop = `${(title && getComputedStyle(title).position === 'sticky' ? title.getBoundingClientRect().height : 0) + gap}px`;
  box.style.scrollMarginBottom = `${gap}px`;
  // jsdom has no scrollIntoView.
  box.scrollIntoView?.({ block: 'nearest' });
}
