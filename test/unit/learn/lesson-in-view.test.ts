import { LESSON_GAP, scrollToShow } from '../../../src/ui/learn/lesson-in-view.ts';

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
