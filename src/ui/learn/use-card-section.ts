/**
 * A step about a part of the message card (chapter 1's key lookup in the IndexService, chapter 2's
 * two consumptions) scrolls the card to that part: it sits below the card's first screen, and the
 * caption pointed at something the learner could not see. The card loads its facts from the run,
 * so the part is waited for (until the card is no longer busy), then scrolled to once, and again
 * when presentation mode starts or ends: the card's width changes, and the part with it.
 */
import { useEffect } from 'react';
import { usePlayback } from '../../store/playback.ts';
import type { CardSection } from './chapter.ts';

const SECTIONS: Record<CardSection, string> = {
  index: '[data-testid="card-index"]',
  consumption: '.rs-card-section:has([data-testid="card-consumption"])',
};

/** Room left above the section in the card's body. */
const SECTION_GAP = 4;

/** Scrolls the card's body so the section starts at its top; false while the card is not ready. */
export function scrollCardTo(section: CardSection): boolean {
  const card = document.querySelector('[data-testid="message-card"]');
  const part = card?.querySelector<HTMLElement>(SECTIONS[section]);
  const body = card?.querySelector<HTMLElement>('.rs-card-body');
  if (!card || !part || !body || card.getAttribute('aria-busy') === 'true') return false;
  body.scrollTop += part.getBoundingClientRect().top - body.getBoundingClientRect().top - SECTION_GAP;
  return true;
}

export function useCardSection(arrived: boolean, section: CardSection | undefined): void {
  const presenting = usePlayback((s) => s.presenting);
  useEffect(() => {
    if (!arrived || !section || typeof MutationObserver === 'undefined') return undefined;
    if (scrollCardTo(section)) return undefined;
    const observer = new MutationObserver(() => {
      if (scrollCardTo(section)) observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    return () => observer.disconnect();
  }, [arrived, section, presenting]);
}
