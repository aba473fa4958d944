import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { formatTime } from '../../../src/viz/format.ts';

describe('chapter nameserver: the numbers its captions give are the run\'s', () => {
  // MQClientInstance pulls every route every 30 s (pollNameServerInterval); a NameServer never pushes.
  it('p-1 learns of broker-b\'s removal only at its route pull, the step\'s moment, 22 s after the NameServers removed it at 2:10', async () => {
    const { chapter, timeline, moments } = await chapterRun('nameserver');
    // The chapter's second route.updated of p-1: the first is its route at the start.
    const index = chapter.steps.findLastIndex((step) => 'type' in step.wait && step.wait.type === 'route.updated' && step.wait.where?.['client'] === 'p-1');
    const t = moments[index]!.t;
    timeline.seek(t);
    const removed = timeline.traceSlice(0).filter((event) => event.type === 'broker.removed' && event.broker === 'broker-b');
    expect(new Set(removed.map((event) => formatTime(event.t).slice(0, 4)))).toEqual(new Set(['2:10']));
    expect(formatTime(t).slice(0, 4)).toBe('2:32');
    expect(Math.round((t - removed[0]!.t) / 1_000)).toBe(22);
    const updated = timeline.traceSlice(0).findLast((event) => event.type === 'route.updated' && event.client === 'p-1')!;
    expect(updated.t).toBe(t);
    if (updated.type !== 'route.updated') throw new Error('a route.updated');
    expect(updated.writeQueues.some((queue) => queue.startsWith('broker-b:'))).toBe(false);
    expect(chapter.steps[index]!.caption.en).toContain('Only now, at 2:32, does p-1 learn it: its route pull, 22 s after the removal at 2:10');
    expect(chapter.steps[index]!.caption.zh).toContain('直到现在（2:32）p-1 才知道：它的路由拉取在 2:10 剔除之后 22 秒才到来');
  });
});
