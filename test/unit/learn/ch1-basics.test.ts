import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { simulate } from '../../../src/sim/simulate.ts';

describe('chapter basics: the queues take the messages in turn', () => {
  // TopicPublishInfo.selectOneMessageQueue: the next queue of the route each time, 4 on broker-a and 2 on broker-b.
  it('counts what the answer speaks of from the run: of the 24 sent by the step\'s moment, 16 stored on broker-a and 8 on broker-b, 4 in each queue', async () => {
    const { chapter, scenario } = await chapterRun('basics');
    const step = chapter.steps.find((entry) => entry.predict?.why.en.includes('selectOneMessageQueue'))!;
    if (!('atMs' in step.wait)) throw new Error('the step waits for a time');
    const until = step.wait.atMs;
    const trace = simulate(scenario).trace.filter((event) => event.t <= until);
    const sent = trace.filter((event) => event.type === 'message.sent' && event.attempt === 1);
    // The queue cells the caption points at count the messages stored, not those sent.
    const stored = trace.flatMap((event) => (event.type === 'message.stored' ? [`${event.broker}:${event.queueId}`] : []));
    expect(stored).toHaveLength(sent.length);
    const perQueue = new Set(stored);
    expect(perQueue.size).toBe(6);
    for (const queue of perQueue) expect(stored.filter((entry) => entry === queue)).toHaveLength(4);
    const [a, b] = ['broker-a', 'broker-b'].map((broker) => stored.filter((entry) => entry.startsWith(`${broker}:`)).length);
    expect(step.predict!.why.en).toContain(`of the ${sent.length} messages sent by now, broker-a got ${a} and broker-b ${b}, 4 for each queue`);
    expect(step.predict!.why.zh).toContain(`到现在发出的 ${sent.length} 条里，broker-a 得 ${a} 条，broker-b 得 ${b} 条，每个队列 4 条`);
  });
});

describe('chapter basics: the keys step and the page\'s own Key search', () => {
  // QueryMsgByKeySubCommand makes -t required (the index key is topic#key); the page's Key search
  // (src/sim/queries/message-life.ts, byKey) looks under every topic when none is picked.
  it('says mqadmin needs -t while the page\'s Key search may look under every topic in turn, in both languages', async () => {
    const { chapter } = await chapterRun('basics');
    const step = chapter.steps.find((entry) => entry.caption.en.includes('queryMsgByKey'))!;
    expect(step.caption.en).toContain('-t is required, since the index keys are topic#key');
    expect(step.caption.en).toContain('This page\'s own Key search (the Message tab) may leave the topic at "every topic" and look the key up under each topic in turn, where mqadmin asks for one.');
    expect(step.caption.zh).toContain('-t 必须给出，因为索引的键是 topic#key');
    expect(step.caption.zh).toContain('本页“消息轨迹”里的 Key 查询可以把主题留作“所有主题”，逐个主题查找；mqadmin 则要求给出一个主题。');
  });
});

describe('chapter basics: where TagB is filtered out', () => {
  // DefaultMessageStore.getMessage, serving the pull, skips the ConsumeQueue units whose tag hash code
  // the subscription lacks (MessageFilter.isMatchedByConsumeQueue); the client checks the tag string
  // again (PullAPIWrapper.processPullResult). Nothing is dropped when the message is stored.
  it('says the broker filters while it serves c-1\'s pull, by each ConsumeQueue entry\'s tag hash code, and the client checks the tag again', async () => {
    const { chapter } = await chapterRun('basics');
    const step = chapter.steps.find((entry) => entry.caption.en.includes('subscribed to TagA only'))!;
    expect(step.caption.en).toContain('when the broker serves c-1\'s pull it compares each ConsumeQueue entry\'s tag hash code with c-1\'s subscription and leaves them out (c-1 checks the tag itself again when the messages arrive)');
    expect(step.caption.zh).toContain('Broker 处理 c-1 的拉取请求时，按 ConsumeQueue 条目里的标签哈希码把它们过滤掉了（消息到达后 c-1 还会按标签本身再核对一次）');
    expect(step.caption.en).not.toContain('before they are pulled');
    expect(step.caption.zh).not.toContain('在拉取前');
  });
});
