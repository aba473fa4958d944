import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';

describe('chapter workflow: the topic step shows the route its text says the NameServers have', () => {
  // AdminBrokerProcessor.updateAndCreateTopic ends with registerBrokerAll at once: the NameServers
  // hold the topic's route one hop after the change, not at the change itself.
  it('stops at the registration the topic change causes, when both NameServers list TopicOrder on both brokers', async () => {
    const { chapter, timeline, moments } = await chapterRun('workflow');
    const index = chapter.steps.findIndex((step) => step.caption.en.includes('so the NameServers now have TopicOrder\'s route'));
    timeline.seek(moments[index]!.t);
    for (const ns of Object.values(timeline.state.nameServers)) {
      expect(Object.keys(ns.topicQueueTable['TopicOrder'] ?? {}).sort(), ns.id).toEqual(['broker-a', 'broker-b']);
    }
  });

  // RouteInfoManager.topicQueueTable: one QueueData per broker of the topic, with its read and write counts.
  it('points at ns-2\'s topicQueueTable, which holds TopicOrder on broker-a and broker-b with 4 write and 4 read queues each, as the caption says', async () => {
    const { chapter, timeline, moments } = await chapterRun('workflow');
    const index = chapter.steps.findIndex((step) => step.caption.en.includes('so the NameServers now have TopicOrder\'s route'));
    const step = chapter.steps[index]!;
    expect(step.focus).toEqual({ kind: 'nameServer', id: 'ns-2', table: 'topicQueueTable' });
    timeline.seek(moments[index]!.t);
    const route = timeline.state.nameServers['ns-2']!.topicQueueTable['TopicOrder']!;
    for (const broker of ['broker-a', 'broker-b']) expect(route[broker], broker).toMatchObject({ writeQueueNums: 4, readQueueNums: 4 });
    expect(step.caption.en).toContain('ns-2\'s topicQueueTable, in the inspector, lists it on broker-a and broker-b with 4 write and 4 read queues each.');
    expect(step.caption.zh).toContain('右侧详情里 ns-2 的 topicQueueTable 列出了它在 broker-a 和 broker-b 上各 4 个写队列、4 个读队列。');
  });
});
