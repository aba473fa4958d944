/**
 * A name blank or with whitespace at either end is refused at its path (s56 review, D5): it would
 * show as no name, or look like the name without the whitespace, as an invisible character would.
 * Whitespace inside a name stays allowed: it shows.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario, type ValidationError } from '../../../src/scenario/validate.ts';

type Json = Record<string, unknown>;

function base(): Json {
  return {
    version: 1,
    durationMs: 300_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest' }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [],
  };
}

function errorsOf(input: unknown): ValidationError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

const lines = (input: unknown) => errorsOf(input).map((e) => `${e.path}: ${e.message}`);
const BLANK = 'is only whitespace: the page would show no name at all; give it a visible name';

describe('validateScenario: no blank name, no whitespace at a name\'s ends (s56 review, D5)', () => {
  it('refuses the reviewer\'s whitespace-only ids, in English and Chinese', () => {
    const scenario = base();
    scenario.producers = [{ id: '   ', group: 'PG', topic: 'TopicTest' }];
    scenario.consumers = [{ id: '\t', group: 'CG', topic: 'TopicTest' }];
    expect(lines(scenario)).toEqual([`producers[0].id: ${BLANK}`, `consumers[0].id: ${BLANK}`]);
    expect(errorsOf(scenario)[0]?.zh).toBe('只含空白字符：页面上会完全看不到这个名字；请给它一个看得见的名字');
  });

  it('refuses whitespace at either end of every name, saying which name it would look like', () => {
    const scenario = base();
    scenario.name = ' Write 8';
    scenario.translations = { zh: { name: '写 8\u3000' } };
    scenario.nameServers = [{ id: 'ns-1 ' }];
    scenario.controllers = [{ id: '\tctl' }];
    scenario.brokers = [{ name: 'broker-a', cluster: 'DefaultCluster ' }];
    scenario.topics = [{ name: 'TopicTest', cluster: ' DefaultCluster' }];
    scenario.producers = [{ id: 'p-1 ', group: 'PG', topic: 'TopicTest', tags: ['TagA '], keyPrefix: ' order', instanceName: 'i\u00a0' }];
    scenario.consumers = [{ id: ' c-1 ', group: 'CG', topic: 'TopicTest', failTags: [' TagA'], instanceName: 'j ', allocateStrategy: 'MACHINE_ROOM', consumeridcs: ['room-1\n'] }];
    scenario.timeline = [
      { at: 1000, action: 'partitionLink', target: 'p-1 ', peer: ' ns-1' },
      { at: 2000, action: 'crashConsumer', target: 'c-1\t' },
      { at: 3000, action: 'setProducerRate', target: ' p-1', ratePerSec: 1 },
      { at: 4000, action: 'updateTopic', topic: 'TopicTest', cluster: 'DefaultCluster ' },
    ];
    expect(lines(scenario)).toEqual([
      'nameServers[0].id: ends with whitespace: "ns-1 " would look like "ns-1", another name; remove it',
      'brokers[0].cluster: ends with whitespace: "DefaultCluster " would look like "DefaultCluster", another name; remove it',
      'topics[0].cluster: starts with whitespace: " DefaultCluster" would look like "DefaultCluster", another name; remove it',
      'producers[0].id: ends with whitespace: "p-1 " would look like "p-1", another name; remove it',
      'producers[0].tags[0]: ends with whitespace: "TagA " would look like "TagA", another name; remove it',
      'producers[0].keyPrefix: starts with whitespace: " order" would look like "order", another name; remove it',
      'producers[0].instanceName: ends with whitespace: "i\u00a0" would look like "i", another name; remove it',
      'consumers[0].id: starts and ends with whitespace: " c-1 " would look like "c-1", another name; remove it',
      'consumers[0].failTags[0]: starts with whitespace: " TagA" would look like "TagA", another name; remove it',
      'consumers[0].instanceName: ends with whitespace: "j " would look like "j", another name; remove it',
      'consumers[0].consumeridcs[0]: ends with whitespace: "room-1\\n" would look like "room-1", another name; remove it',
      'timeline[0].target: ends with whitespace: "p-1 " would look like "p-1", another name; remove it',
      'timeline[0].peer: starts with whitespace: " ns-1" would look like "ns-1", another name; remove it',
      'timeline[1].target: ends with whitespace: "c-1\\t" would look like "c-1", another name; remove it',
      'timeline[2].target: starts with whitespace: " p-1" would look like "p-1", another name; remove it',
      'timeline[3].cluster: ends with whitespace: "DefaultCluster " would look like "DefaultCluster", another name; remove it',
      // Added to the file after its lists, so last in the file's order.
      'name: starts with whitespace: " Write 8" would look like "Write 8", another name; remove it',
      'translations.zh.name: ends with whitespace: "写 8\u3000" would look like "写 8", another name; remove it',
      'controllers[0].id: starts with whitespace: "\\tctl" would look like "ctl", another name; remove it',
    ]);
    expect(errorsOf(scenario).find((e) => e.path === 'consumers[0].id')?.zh).toBe('开头和结尾都有空白字符：" c-1 " 看起来会和另一个名字 "c-1" 一样；请删除它');
  });

  it('keeps allowing whitespace inside a name, an empty keyPrefix, and free text that is not a name', () => {
    const scenario = base();
    scenario.name = 'Write 8 / read 4';
    scenario.description = '  free text, a block of its own: whitespace at its ends is layout  ';
    scenario.producers = [{ id: 'order service 1', group: 'PG', topic: 'TopicTest', tags: ['Tag A'], keyPrefix: '', instanceName: 'host a' }];
    // FilterAPI.buildSubscriptionData trims each tag of an expression: " TagA || TagB " is RocketMQ's own reading.
    scenario.consumers = [{ id: 'c 1', group: 'CG', topic: 'TopicTest', subscription: ' TagA || TagB ' }];
    scenario.timeline = [{ at: 1000, action: 'crashConsumer', target: 'c 1' }];
    expect(lines(scenario)).toEqual([]);
  });
});
