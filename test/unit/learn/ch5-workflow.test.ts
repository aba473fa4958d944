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
});
