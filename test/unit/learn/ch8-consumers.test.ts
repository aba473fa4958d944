import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { idleConsumers } from '../../../src/ui/panels/queue-model.ts';

describe('chapter consumers: nine consumers, eight queues', () => {
  // AllocateMessageQueueAveragely gives queue i to the i-th client id in sorted order: the ninth id gets none.
  it('names and selects the consumer that is idle at the step, in both languages', async () => {
    const { chapter, timeline, moments } = await chapterRun('consumers');
    const index = chapter.steps.findIndex((step) => step.caption.en.includes('nine consumers, eight queues'));
    timeline.seek(moments[index]!.t);
    const idle = idleConsumers(timeline.state).map((entry) => entry.consumer);
    expect(idle).toHaveLength(1);
    expect(chapter.steps[index]!.caption.en).toContain(`${idle[0]}, whose box on the drawing says "idle"`);
    expect(chapter.steps[index]!.caption.zh).toContain(`它是 ${idle[0]}，画布上它的方框标着“空闲”`);
    // Its box is far below an answered question at 1280x800: the step selects it, and the page scrolls to it.
    expect(chapter.steps[index]!.focus).toEqual({ kind: 'client', id: idle[0] });
  });
});
