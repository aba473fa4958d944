/**
 * A step about a part of the message card (chapter 1's key lookup in the IndexService, chapter 2's
 * two consumptions) scrolls the card to that part: it sits below the card's first screen, and the
 * caption pointed at something the learner could not see. The card loads its facts from the run
 * and keeps growing after it first shows them (the path through the broker's modules, above the
 * consumptions, comes with its own query): a single scroll stopped short, clamped by the card's
 * height at that moment, and the consumptions stayed below the window. So the card follows the
 * part while its content settles: scrolled again whenever the card's body or a part of it changes
 * size, or the card stops being busy, until the person scrolls or clicks or types (the card is
 * theirs then), or the step changes. Presentation mode starting or ending (the card's width
 * changes, and the part with it) follows it again.
 */
import { useEffect } from 'react';
import { usePage } from '../../store/page.ts';
import { regionElement } from '../regions.ts';
import type { CardSection } from './chapter.ts';
import { followUntilPersonActs } from './follow-part.ts';

const SECTIONS: Record<CardSection, string> = {
  index: '[data-testid="card-index"]',
  consumption: '.rs-card-section:has([data-testid="card-consumption"])',
};

/** Room left above the section in the card's body. */
const SECTION_GAP = 4;

/** Scrolls the card's body so the section starts at its top; false while the card is not ready. */
function scrollCardTo(section: CardSection): boolean {
  const card = regionElement('messageCard');
  const part = card?.querySelector<HTMLElement>(SECTIONS[section]);
  const body = card?.querySelector<HTMLElement>('.rs-card-body');
  if (!card || !part || !body || card.getAttribute('aria-busy') === 'true') return false;
  const by = part.getBoundingClientRect().top - body.getBoundingClientRect().top - SECTION_GAP;
  if (Math.abs(by) >= 1) body.scrollTop += by;
  return true;
}

/**
 * Keeps the card's `section` at the top of its body from the step's arrival until the person
 * takes over (follow-part.ts) or the step changes (`step`): the card appears, stops being busy,
 * and grows (ResizeObserver on the body and its sections) while its facts arrive.
 */
export function useCardSection(arrived: boolean, section: CardSection | undefined, step = 0): void {
  const presenting = usePage((s) => s.presenting);
  useEffect(() => {
    if (!arrived || !section || typeof MutationObserver === 'undefined' || typeof requestAnimationFrame !== 'function') return undefined;
    // The card's body and each part of it: a part that grows moves the section, and the body's own height is the room.
    const card = () => {
      const body = regionElement('messageCard')?.querySelector('.rs-card-body');
      return body ? [body, ...body.children] : [];
    };
    // The card opening, its parts coming, its busy flag going.
    return followUntilPersonActs(() => scrollCardTo(section), card, { attributes: true, attributeFilter: ['aria-busy'] });
  }, [arrived, section, presenting, step]);
}
