/**
 * A step about one part of a broker (chapter 4: ConsumerManager's groups in the client manager, the
 * store's CommitLog and ConsumeQueues, the committed offsets a pull commits) brings that part's box
 * into view in the inspector, the way the module map's buttons do (BrokerModules.tsx): the
 * inspector opens at its top, and in a 1280x800 window those boxes start one to three screens
 * down, so the caption pointed at something the learner could not see. The inspector settles after
 * the step arrives (the modules view loads on first use, its index count comes from the run, the
 * tables above grow): the part is followed, brought into view again whenever the page's content
 * changes or the inspector's size does, until the person scrolls or clicks or types (the page is
 * theirs then), or the step changes; as use-card-section.ts follows a part of the message card.
 *
 * Only where the lesson box is stuck under the playback bar (learn.css, the wide layout): on a
 * phone the caption scrolls with the page, and bringing the inspector into view would take it
 * away. Not while presenting: the window's scroll holds the drawing under the lesson box
 * (use-presenting-scroll.ts), and the module map beside it names the part.
 */
import { useEffect, type RefObject } from 'react';
import { usePage } from '../../store/page.ts';
import { bringModuleIntoView } from '../panels/BrokerModules.tsx';
import { regionElement } from '../regions.ts';
import { followUntilPersonActs } from './follow-part.ts';
import { keepFocusInSight } from './lesson-in-view.ts';
import type { BrokerModule } from '../panels/broker-modules-model.ts';

export function useBrokerModule(lesson: RefObject<HTMLElement | null>, arrived: boolean, module: BrokerModule | undefined, step = 0): void {
  useInspectorPart(lesson, arrived, module, bringModuleIntoView, step);
}

/**
 * Keeps `part` of the inspector in view with `bringIntoView` (a module of a broker's, a table of a
 * NameServer's: use-inspector-table.ts) while the inspector settles, where the lesson box is stuck
 * under the playback bar and not while presenting, and the step's process on the canvas in sight
 * with it: when both do not fit, the part's foot goes under the window's edge, not the process
 * under the lesson box. `bringIntoView` must keep its identity.
 */
export function useInspectorPart<Part>(lesson: RefObject<HTMLElement | null>, arrived: boolean, part: Part | undefined, bringIntoView: (inspector: Element, part: Part) => unknown, step: number): void {
  const presenting = usePage((s) => s.presenting);
  useEffect(() => {
    const element = lesson.current;
    if (!arrived || part === undefined || presenting || !element || typeof MutationObserver === 'undefined' || typeof requestAnimationFrame !== 'function') return undefined;
    const inspector = () => regionElement('inspector');
    // The inspector opening, its modules view loading, its tables' rows coming.
    return followUntilPersonActs(() => {
      const found = inspector();
      if (!found || getComputedStyle(element).position !== 'sticky') return;
      bringIntoView(found, part);
      keepFocusInSight(element);
    }, () => [inspector()].filter((found) => found !== null));
  }, [lesson, arrived, part, bringIntoView, presenting, step]);
}
