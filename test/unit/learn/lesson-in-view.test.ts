import { keepInSight, LESSON_GAP, pickShown, scrollToShow, subjectSpans } from '../../../src/ui/learn/lesson-in-view.ts';

describe('scrollToShow: how far the page scrolls to show a focused box between the stuck lesson and the window bottom', () => {
  const clearTop = 200;
  const windowHeight = 800;

  it('leaves a box already in view where it is', () => {
    expect(scrollToShow({ top: 300, bottom: 400 }, clearTop, windowHeight)).toBe(0);
    expect(scrollToShow({ top: clearTop + LESSON_GAP, bottom: windowHeight - LESSON_GAP }, clearTop, windowHeight)).toBe(0);
  });

  it('scrolls down just until a box below the fold ends on screen', () => {
    expect(scrollToShow({ top: 740, bottom: 820 }, clearTop, windowHeight)).toBe(820 - windowHeight + LESSON_GAP);
  });

  it('scrolls up until a box hidden above (or under the lesson) starts below the lesson', () => {
    expect(scrollToShow({ top: 150, bottom: 250 }, clearTop, windowHeight)).toBe(150 - clearTop - LESSON_GAP);
    expect(scrollToShow({ top: -400, bottom: -300 }, clearTop, windowHeight)).toBe(-400 - clearTop - LESSON_GAP);
  });

  it('shows the top of a box taller than the room', () => {
    expect(scrollToShow({ top: 700, bottom: 1500 }, clearTop, windowHeight)).toBe(700 - clearTop - LESSON_GAP);
  });
});

describe('subjectSpans and pickShown: what a step scrolls into view below the stuck lesson', () => {
  const heading = { top: 330, bottom: 370 };
  const brokers = [{ top: 500, bottom: 560 }, { top: 610, bottom: 670 }, { top: 720, bottom: 784 }];
  const consumers = { top: 560, bottom: 620 };

  it('after an answer, shows every broker\'s queues (all three, not just the focused one) with the topology\'s heading when they fit', () => {
    const spans = subjectSpans(brokers[0]!, brokers[0]!, [...brokers, consumers], [heading], true);
    expect(pickShown(spans, brokers[0]!, 266, 800)).toEqual({ top: 330, bottom: 784 });
  });

  it('keeps the heading over showing more: with every group too tall for the room, it brings the heading to the lesson\'s edge as long as the focused process stays in sight', () => {
    // Chapter 9 step 2 answered at 1280x800: the three broker groups reach past the window's bottom, p-1 is in sight.
    const p1 = { top: 620, bottom: 660 };
    const tall = [{ top: 400, bottom: 520 }, { top: 540, bottom: 660 }, { top: 680, bottom: 980 }];
    const spans = subjectSpans(p1, null, tall, [heading], true);
    const shown = pickShown(spans, p1, 266, 800);
    expect(shown).toEqual({ top: 330, bottom: 980 });
    expect(scrollToShow(shown!, 266, 800)).toBe(330 - 266 - LESSON_GAP);
    // Scrolled far down, the heading hidden above: bringing it back would push p-1 under the window's bottom, so nothing moves.
    const hidden = { top: -200, bottom: -160 };
    const shownP1 = { top: 500, bottom: 540 };
    expect(pickShown(subjectSpans(shownP1, null, tall, [hidden], true), shownP1, 266, 800)).toBeNull();
  });

  it('scrolls the heading away only for a focused process out of sight: its group whole when that fits, else the process alone', () => {
    const nine = { top: 300, bottom: 720 };
    const c7 = { top: 620, bottom: 654 };
    const spans = subjectSpans(c7, nine, [{ top: 100, bottom: 300 }, nine], [{ top: 0, bottom: 40 }], true);
    expect(pickShown(spans, c7, 266, 800)).toBeNull();
    const below = { top: 900, bottom: 934 };
    const lower = { top: 560, bottom: 980 };
    const moved = subjectSpans(below, lower, [{ top: 100, bottom: 300 }, lower], [{ top: 0, bottom: 40 }], true);
    expect(pickShown(moved, below, 266, 800)).toEqual(lower);
  });

  it('keeps the focused process\'s group frame whole, not only its box: chapter 9\'s broker-c in Chinese at 1280x800, its frame\'s foot at the window\'s edge', () => {
    // Measured on the page as the step arrives: the lesson box to be stuck down to 210, the inspector's heading at 279, the topology's at 314.
    const brokerC = { top: 795, bottom: 893 };
    const node = { top: 821, bottom: 885 };
    const frames = [{ top: 527, bottom: 665 }, { top: 681, bottom: 779 }, brokerC, { top: 676, bottom: 744 }];
    const spans = subjectSpans(node, brokerC, frames, [{ top: 314, bottom: 337 }, { top: 279, bottom: 307 }], false);
    const shown = pickShown(spans, node, 210, 800, brokerC);
    // The topology's heading fits with the box (314 to 885), not with the frame (314 to 893): the frame wins.
    expect(shown).toEqual(brokerC);
    expect(scrollToShow(shown!, 210, 800)).toBe(893 - 800 + LESSON_GAP);
    // A frame taller than the room (a consumer group of nine) does not count: its process does.
    const nine = { top: 100, bottom: 760 };
    const c7 = { top: 620, bottom: 654 };
    expect(pickShown(subjectSpans(c7, nine, [nine], [{ top: 60, bottom: 90 }], false), c7, 210, 800, nine)).toBeNull();
  });

  it('without an answer, shows the focused process\'s group, and the process alone when even that does not fit', () => {
    const group = { top: 0, bottom: 900 };
    const node = { top: 700, bottom: 840 };
    expect(pickShown(subjectSpans(node, group, [group], [], false), node, 200, 800)).toEqual(node);
  });

  it('has nothing to show when the step points at nothing on the canvas', () => {
    expect(pickShown(subjectSpans(null, null, [], [heading], false), null, 200, 800)).toBeNull();
  });
});

describe('keepInSight: after a part of the inspector was brought into view, the step\'s process stays below the lesson box', () => {
  // Chapter 4 step 5 at 1280x800 in English: the least scroll that shows the Remoting table leaves broker-a/0's box at y 223.
  const box = { top: 223, bottom: 287 };

  it('leaves the page where the part put it while the box shows below the lesson (its four lines end at 210)', () => {
    expect(keepInSight(box, 210)).toBe(0);
  });

  it('scrolls back up just until the box starts below a lesson box two lines taller (to 250), the part\'s foot giving way', () => {
    expect(keepInSight(box, 250)).toBe(223 - 250 - LESSON_GAP);
  });
});
