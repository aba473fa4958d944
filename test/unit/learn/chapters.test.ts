import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { chapterMoments, type StepWait } from '../../../src/sim/queries/chapter-moments.ts';
import { simulate } from '../../../src/sim/simulate.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { scenarioText } from '../../../src/scenario/language.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { CHAPTERS } from '../../../src/ui/learn/chapters/index.ts';
import { chapterScenario } from '../../../src/ui/learn/chapter.ts';
import { masterOf } from '../../../src/sim/index.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';

function metBy(event: TraceEvent, wait: StepWait): boolean {
  if ('atMs' in wait || event.type !== wait.type || event.t < (wait.afterMs ?? 0)) return false;
  const fields = event as unknown as Record<string, unknown>;
  return Object.entries(wait.where ?? {}).every(([key, value]) => fields[key] === value);
}


describe.each(CHAPTERS.map((entry) => [entry.id, entry] as const))('chapter %s', (_id, entry) => {
  it('plays a valid scenario and every step resolves, in order, to a moment within the run', async () => {
    const chapter = await entry.load();
    const result = validateScenario(chapterScenario(chapter));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const { moments, unmet } = chapterMoments(new Timeline(result.scenario), { waits: chapter.steps.map((step) => step.wait) });
    expect(unmet).toBeNull();
    expect(moments).toHaveLength(chapter.steps.length);
    const trace = simulate(result.scenario).trace;
    moments.forEach((moment, index) => {
      const wait = chapter.steps[index]!.wait;
      expect(moment.t).toBeGreaterThanOrEqual(index === 0 ? 0 : moments[index - 1]!.t);
      expect(moment.t).toBeLessThanOrEqual(result.scenario.durationMs);
      if ('atMs' in wait) expect(moment.t).toBe(Math.max(wait.atMs, index === 0 ? 0 : moments[index - 1]!.t));
      else expect(trace.some((event) => event.t === moment.t && metBy(event, wait))).toBe(true);
    });
  });

  it('points only at what the run has at each step\'s moment: a process (a brokerName meaning its master), and a topic the canvas draws', async () => {
    const chapter = await entry.load();
    const result = validateScenario(chapterScenario(chapter));
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    const { moments } = chapterMoments(timeline, { waits: chapter.steps.map((step) => step.wait) });
    chapter.steps.forEach((step, index) => {
      timeline.seek(moments[index]!.t);
      const { state } = timeline;
      const focus = step.focus;
      if (focus?.kind === 'nameServer') expect(state.nameServers[focus.id]).toBeDefined();
      if (focus?.kind === 'client') expect(state.clients[focus.id]).toBeDefined();
      if (focus?.kind === 'broker') expect(state.brokers[focus.id] ?? masterOf(state, focus.id)).toBeDefined();
      if (step.topic !== undefined) expect(topologyModel(state, step.topic).topic).toBe(step.topic);
    });
  });

  it('names and describes its scenario in both languages, as the picker and the description show it', async () => {
    const result = validateScenario(chapterScenario(await entry.load()));
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const number = CHAPTERS.indexOf(entry) + 1;
    const en = scenarioText(result.scenario, 'en');
    const zh = scenarioText(result.scenario, 'zh');
    expect(en.name).toBe(`Chapter ${number} · ${entry.title.en}`);
    expect(zh.name).toBe(`第 ${number} 章 · ${entry.title.zh}`);
    expect(en.description).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh.description).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.description).not.toBe(en.description);
  });

  it('has the same steps in English and Chinese, and a prediction and a closing "why"', async () => {
    const chapter = await entry.load();
    expect(entry.title.en.length).toBeGreaterThan(0);
    expect(entry.title.zh.length).toBeGreaterThan(0);
    for (const step of chapter.steps) {
      expect(step.caption.en.trim()).not.toBe('');
      expect(step.caption.zh.trim()).not.toBe('');
      expect(step.caption.zh).toMatch(/[\u4e00-\u9fff]/);
      if (!step.predict) continue;
      const { question, choices, answer, why } = step.predict;
      for (const text of [question, why, ...choices]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(answer).toBeGreaterThanOrEqual(0);
      expect(answer).toBeLessThan(choices.length);
    }
    expect(chapter.steps.some((step) => step.predict)).toBe(true);
    expect(chapter.steps.at(-1)?.tag).toBe('why');
  });

  // A choice labelled as the study note's gives itself away to a learner who has just read it: the
  // note is named in the answer, once the learner has chosen.
  it('names the study note in no choice of a question', async () => {
    const chapter = await entry.load();
    for (const { predict } of chapter.steps) {
      for (const choice of predict?.choices ?? []) {
        expect(choice.en).not.toMatch(/note/i);
        expect(choice.zh).not.toMatch(/笔记/);
      }
    }
  });
});

describe('the chapter list', () => {
  it('has unique ids that a link can carry', () => {
    const ids = CHAPTERS.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});

describe('what the chapters show matches RocketMQ\'s numbers', () => {
  it.each([['nameserver', 'broker-b'], ['failover', 'broker-c']])(
    'chapter %s: the partitioned %s is removed 120 s (RouteInfoManager\'s broker channel expiry) after its last registration, no later than one 5 s scan after',
    async (id, broker) => {
      const chapter = await CHAPTERS.find((entry) => entry.id === id)!.load();
      const result = validateScenario(chapterScenario(chapter));
      if (!result.ok) throw new Error('invalid');
      const trace = simulate(result.scenario).trace;
      const partition = trace.find((event) => event.type === 'fault' && event.action === 'partitionBroker' && event.target === broker)!;
      const removal = trace.find((event) => event.type === 'broker.removed' && event.broker === broker)!;
      const nameServer = removal.type === 'broker.removed' ? removal.nameServer : '';
      const lastRegistration = trace
        .filter((event) => event.type === 'broker.registered' && event.broker === broker && event.nameServer === nameServer && event.t <= partition.t)
        .at(-1)!;
      expect(removal.t).toBeGreaterThanOrEqual(lastRegistration.t + 120_000);
      expect(removal.t).toBeLessThanOrEqual(lastRegistration.t + 120_000 + 5_000);
    },
  );

  it('chapter groups: at the first step c-2 is running, but its first heartbeat reaches a broker after c-1\'s rebalance took all 8 queues, as the step says', async () => {
    const { timeline, moments } = await chapterRun('groups');
    timeline.seek(moments[0]!.t);
    expect(timeline.state.clients['c-2']!.status).toBe('running');
    const trace = timeline.traceSlice(0);
    const rebalance = trace.findLast((e) => e.type === 'rebalance' && e.consumer === 'c-1');
    expect(rebalance?.type === 'rebalance' && rebalance.queues).toHaveLength(8);
    expect(trace.some((e) => e.type === 'client.heartbeat' && e.client === 'c-2')).toBe(false);
  });

  it('chapter topics: the steps on TopicPay and NewTopic draw that topic, on the one broker that has it', async () => {
    const { chapter, timeline, moments } = await chapterRun('topics');
    const drawn = (topic: string) => {
      const index = chapter.steps.findIndex((step) => step.topic === topic);
      timeline.seek(moments[index]!.t);
      return Object.keys(topologyModel(timeline.state, chapter.steps[index]!.topic).input.queueSlots ?? {});
    };
    expect(drawn('TopicPay')).toEqual(['broker-b/0']);
    expect(drawn('NewTopic')).toEqual(['broker-b/0']);
  });

  it('chapter topics: the steps on NewTopic name the broker the first message created it on, and no other, in both languages', async () => {
    const { chapter, timeline } = await chapterRun('topics');
    timeline.seek(timeline.durationMs);
    const created = timeline.traceSlice(0).filter((e) => e.type === 'topic.updated' && e.topic === 'NewTopic');
    expect(created).toHaveLength(1);
    const broker = created[0]!.type === 'topic.updated' ? created[0]!.broker : '';
    const others = ['broker-a', 'broker-b', 'broker-c'].filter((name) => name !== broker);
    const steps = chapter.steps.filter((step) => step.topic === 'NewTopic');
    expect(steps).toHaveLength(2);
    for (const step of steps) {
      const words = [step.caption.en, step.caption.zh, ...(step.predict ? [step.predict.choices[step.predict.answer]!.en, step.predict.choices[step.predict.answer]!.zh, step.predict.why.en, step.predict.why.zh] : [])];
      for (const text of words) expect(text).toContain(broker);
      // The creation step names the two brokers that know nothing of it; the route step names only the one.
      if (step.predict) for (const text of words) for (const other of others) expect(text).not.toContain(other);
    }
    expect(steps[0]!.focus).toEqual({ kind: 'broker', id: broker });
  });

  it('chapter topics: the step where p-2 borrows TBW102\'s route draws TBW102 on every broker (8 queues each, BrokerConfig.defaultTopicQueueNums) while p-2\'s route holds min(4, 8) = 4 per broker', async () => {
    const { chapter, timeline, moments } = await chapterRun('topics');
    const index = chapter.steps.findIndex((step) => step.topic === 'TBW102');
    expect(chapter.steps[index]!.caption.en).toMatch(/route of TBW102/);
    // The template topic never holds a message: the dots on its drawn brokers are other topics'.
    expect(chapter.steps[index]!.caption.en).toContain('No message is ever stored in TBW102');
    timeline.seek(moments[index]!.t);
    expect(timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.topic === 'TBW102')).toEqual([]);
    const model = topologyModel(timeline.state, 'TBW102');
    expect(model.topic).toBe('TBW102');
    expect(model.topics).toEqual(['TBW102', 'TopicOrder', 'TopicPay']);
    expect(model.input.queueSlots).toEqual({ 'broker-a/0': 8, 'broker-b/0': 8, 'broker-c/0': 8 });
    const route = timeline.state.clients['p-2']!;
    expect(route.kind === 'producer' && route.publishInfo['NewTopic']!.messageQueueList.length).toBe(12);
    // Asked for by nobody, a system topic stays off the canvas and out of the picker.
    expect(topologyModel(timeline.state, null).topics).toEqual(['TopicOrder', 'TopicPay']);
  });

  // TopicConfigManager.createTopicInSendMessageMethod: queueNums = min(the request's defaultTopicQueueNums,
  // TBW102's writeQueueNums); perm = TBW102's perm without PERM_INHERIT.
  it('chapter topics: the step where broker-b creates NewTopic says its 4 queues are min(the producer\'s 4, TBW102\'s 8) and only its perm is TBW102\'s', async () => {
    const { chapter, scenario, timeline, moments } = await chapterRun('topics');
    const index = chapter.steps.findIndex((step) => 'type' in step.wait && step.wait.type === 'topic.updated' && step.wait.where?.['topic'] === 'NewTopic');
    const { caption } = chapter.steps[index]!;
    expect(caption.en).toContain('4 queues, the smaller of the producer\'s defaultTopicQueueNums (4) and TBW102\'s 8; only its permission comes from TBW102.');
    expect(caption.zh).toContain('队列数取生产者请求里的 defaultTopicQueueNums（4）和 TBW102 的 8 中较小的那个，即 4 个；只有权限沿用 TBW102。');
    for (const words of [caption.en, caption.zh]) expect(words).not.toMatch(/from TBW102's settings|按 TBW102 的设置/);
    timeline.seek(moments[index]!.t);
    const broker = timeline.state.brokers['broker-b/0']!;
    const [created, template] = [broker.topicConfigTable['NewTopic']!, broker.topicConfigTable['TBW102']!];
    expect(scenario.config.producerDefaultTopicQueueNums).toBe(4);
    expect(template.writeQueueNums).toBe(8);
    expect([created.writeQueueNums, created.readQueueNums]).toEqual([4, 4]);
    expect(created.perm).toBe(template.perm & ~1);
  });

  it('chapter nameserver: the heartbeat step shows the focused NameServer with every broker\'s registration of 0:10 (BrokerController.start: after 10 s, then every registerNameServerPeriod)', async () => {
    const { chapter, timeline, moments } = await chapterRun('nameserver');
    const index = chapter.steps.findIndex((step) => /registerNameServerPeriod/.test(step.caption.en));
    const step = chapter.steps[index]!;
    timeline.seek(moments[index]!.t);
    if (step.focus?.kind !== 'nameServer') throw new Error('the step focuses a NameServer');
    const live = Object.values(timeline.state.nameServers[step.focus.id]!.brokerLiveTable);
    expect(live).toHaveLength(2);
    for (const info of live) {
      expect(info.lastUpdateTimestamp).toBeGreaterThanOrEqual(10_000);
      expect(info.lastUpdateTimestamp).toBeLessThan(10_000 + 100);
    }
  });
});
