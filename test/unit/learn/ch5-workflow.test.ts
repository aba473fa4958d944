import { describe, expect, it } from 'vitest';
import { chapterMoments } from '../../../src/sim/queries/chapter-moments.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { chapterScenario } from '../../../src/ui/learn/chapter.ts';
import { CHAPTERS } from '../../../src/ui/learn/chapters/index.ts';

describe('chapter workflow: the topic step shows the route its text says the NameServers have', () => {
  // AdminBrokerProcessor.updateAndCreateTopic ends with registerBrokerAll at once: the NameServers
  // hold the topic's route one hop after the change, not at the change itself.
  it('stops at the registration the topic change causes, when both NameServers list TopicOrder on both brokers', async () => {
    const chapter = await CHAPTERS.find((entry) => entry.id === 'workflow')!.load();
    const result = validateScenario(chapterScenario(chapter));
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    const { moments } = chapterMoments(timeline, { waits: chapter.steps.map((step) => step.wait) });
    const index = chapter.steps.findIndex((step) => step.caption.en.includes('so the NameServers now have TopicOrder\'s route'));
    timeline.seek(moments[index]!.t);
    for (const ns of Object.values(timeline.state.nameServers)) {
      expect(Object.keys(ns.topicQueueTable['TopicOrder'] ?? {}).sort(), ns.id).toEqual(['broker-a', 'broker-b']);
    }
  });
});
