import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { simulate } from '../../../src/sim/simulate.ts';

describe('chapter basics: the queues take the messages in turn', () => {
  // TopicPublishInfo.selectOneMessageQueue: the next queue of the route each time, 4 on broker-a and 2 on broker-b.
  it('counts the sends the answer speaks of from the run: 16 to broker-a and 8 to broker-b by the step\'s moment, 4 for each queue', async () => {
    const { chapter, scenario } = await chapterRun('basics');
    const step = chapter.steps.find((entry) => entry.predict?.why.en.includes('selectOneMessageQueue'))!;
    if (!('atMs' in step.wait)) throw new Error('the step waits for a time');
    const until = step.wait.atMs;
    const sent = simulate(scenario).trace.filter((event) => event.type === 'message.sent' && event.t <= until && event.attempt === 1);
    const to = (broker: string) => sent.filter((event) => event.type === 'message.sent' && event.broker === broker);
    const perQueue = new Set(sent.map((event) => event.type === 'message.sent' && `${event.broker}:${event.queueId}`));
    expect(perQueue.size).toBe(6);
    for (const queue of perQueue) expect(sent.filter((event) => event.type === 'message.sent' && `${event.broker}:${event.queueId}` === queue)).toHaveLength(4);
    const [a, b] = [to('broker-a').length, to('broker-b').length];
    expect(step.predict!.why.en).toContain(`of the ${sent.length} messages sent by now, broker-a got ${a} and broker-b ${b}, 4 for each queue`);
    expect(step.predict!.why.zh).toContain(`到现在发出的 ${sent.length} 条里，broker-a 得 ${a} 条，broker-b 得 ${b} 条，每个队列 4 条`);
  });
});
