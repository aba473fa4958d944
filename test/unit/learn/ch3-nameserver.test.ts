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
    expect(chapter.steps[index]!.caption.en).toContain('Only now, at 2:32, does p-1 learn it: its route pull, 22\u00a0s after the removal at 2:10');
    expect(chapter.steps[index]!.caption.zh).toContain('直到现在（2:32）p-1 才知道：它的路由拉取在 2:10 剔除之后 22\u00a0秒才到来');
  });
});

describe('chapter nameserver and the glossary: their corrections do not presume the reader\'s own note is wrong', () => {
  // A class whose note says 30 s and 120 s must not be told its note says otherwise.
  const presumes = /study note|学习笔记(里|写|说)|typo|应为|正确的名字/;

  it('says what some notes write and what RocketMQ does, in both languages', async () => {
    const { chapter } = await import('../../../src/ui/learn/chapters/ch3-nameserver.ts');
    const texts = chapter.steps.flatMap((step) => [step.caption, ...(step.predict ? [step.predict.why] : [])]);
    for (const text of texts) for (const words of [text.en, text.zh]) expect(words).not.toMatch(presumes);
    const heartbeat = chapter.steps[3]!.caption;
    expect(heartbeat.en).toContain('Some notes say the heartbeat goes "to the broker"; it goes to every NameServer.');
    expect(heartbeat.zh).toContain('有的笔记写成“broker每30s发送心跳包到broker”，实际是发给每一个 NameServer。');
    const removal = chapter.steps[5]!.predict!.why;
    expect(removal.en).toContain('Some notes say 1210\u00a0s; it is 120\u00a0s.');
    expect(removal.zh).toContain('有的笔记写成 1210\u00a0秒，实际是 120\u00a0秒。');
  });

  it('tags a correction as a common mistake in notes, not as the reader\'s note being wrong', async () => {
    const { LEARN_STRINGS } = await import('../../../src/ui/learn/learn-strings.ts');
    expect(LEARN_STRINGS.en.correction).toBe('A common mistake in notes');
    expect(LEARN_STRINGS.zh.correction).toBe('笔记里常见的错误');
    for (const words of [LEARN_STRINGS.en.correction, LEARN_STRINGS.zh.correction]) expect(words).not.toMatch(/study note|学习笔记/);
  });

  it('names JMO as some notes\' spelling of JMS', async () => {
    const { GLOSSARY } = await import('../../../src/ui/learn/glossary.ts');
    const jms = GLOSSARY.find((term) => term.en === 'JMS')!;
    expect(jms.meaning.en).toContain('(Some notes say "JMO"; it is JMS.)');
    expect(jms.meaning.zh).toContain('（有的笔记写成“JMO”，实际是 JMS。）');
    for (const words of [jms.meaning.en, jms.meaning.zh]) expect(words).not.toMatch(presumes);
  });
});

describe('chapter nameserver: the closing step\'s retries, as the run makes them', () => {
  // DefaultMQProducerImpl.sendDefaultImpl: timesTotal = 1 + retryTimesWhenSendFailed (2); a refused
  // connection fails fast, and with broker-a the only broker left every attempt goes back to it.
  it('says a quick failure is retried, not "tried once more": a send to the crashed broker-a makes 3 attempts', async () => {
    const { chapter, scenario } = await chapterRun('nameserver');
    const step = chapter.steps.find((entry) => entry.caption.en.includes('is tried again'))!;
    expect(step.caption.zh).toContain('只有连接被拒这类很快的失败才会重试，');
    expect(step.caption.zh).not.toContain('再试一次');
    if (!('atMs' in step.wait)) throw new Error('the step waits for a time');
    const until = step.wait.atMs;
    const { simulate } = await import('../../../src/sim/simulate.ts');
    const sent = simulate(scenario).trace.filter((event) => event.type === 'message.sent' && event.t >= 210_000 && event.t <= until);
    const attempts = new Map<string, string[]>();
    for (const event of sent) if (event.type === 'message.sent') attempts.set(event.msgId, [...attempts.get(event.msgId) ?? [], event.broker]);
    expect(scenario.config.retryTimesWhenSendFailed).toBe(2);
    expect([...attempts.values()]).toContainEqual(['broker-a', 'broker-a', 'broker-a']);
    expect(Math.max(...[...attempts.values()].map((brokers) => brokers.length))).toBe(3);
  });
});
