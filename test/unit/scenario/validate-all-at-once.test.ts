/**
 * Every problem of an item at once (docs/scenario.md, "Errors"): a field's own problem (a
 * fraction, a wrong type) does not hide a check between the item's fields, nor the reverse.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/scenario/validate.ts';

type Json = Record<string, unknown>;

function paths(file: Json): string[] {
  const result = validateScenario({ version: 1, durationMs: 60_000, brokers: [{ name: 'broker-a' }], topics: [{ name: 'T' }], ...file });
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

const BOTH_PLACEMENTS = 'give either "cluster" (every master of a cluster) or "brokers" (named brokers), not both';
const COUNT = 'must be an integer from 1 to 1024';

describe('a field\'s problem does not hide the object\'s', () => {
  it('a fraction in writeQueueNums and both "cluster" and "brokers" on a topic', () => {
    expect(paths({ topics: [{ name: 'T', writeQueueNums: 2.5, cluster: 'DefaultCluster', brokers: [{ name: 'broker-a' }] }] })).toEqual([
      `topics[0]: ${BOTH_PLACEMENTS}`, `topics[0].writeQueueNums: ${COUNT}`,
    ]);
  });

  it('a string for readQueueNums and both placements', () => {
    expect(paths({ topics: [{ name: 'T', readQueueNums: 'four', cluster: 'DefaultCluster', brokers: [{ name: 'broker-a' }] }] })).toEqual([
      `topics[0]: ${BOTH_PLACEMENTS}`, `topics[0].readQueueNums: ${COUNT}`,
    ]);
  });

  it('a fraction below the minimum is told once', () => {
    expect(paths({ topics: [{ name: 'T', writeQueueNums: -2.5 }] })).toEqual([`topics[0].writeQueueNums: ${COUNT}`]);
  });

  it('a CONFIG consumer with an empty list and a fractional consumeTimeMs', () => {
    expect(paths({ consumers: [{ id: 'c-1', group: 'CG', topic: 'T', allocateStrategy: 'CONFIG', messageQueueList: [], consumeTimeMs: 1.5 }] })).toEqual([
      'consumers[0].messageQueueList: must list at least one "brokerName:queueId" when allocateStrategy is CONFIG',
      'consumers[0].consumeTimeMs: must be an integer from 0 to 3600000',
    ]);
  });

  it('a CONFIG consumer whose list is no list is told that once', () => {
    expect(paths({ consumers: [{ id: 'c-1', group: 'CG', topic: 'T', allocateStrategy: 'CONFIG', messageQueueList: 5 }] })).toEqual([
      'consumers[0].messageQueueList: must be a list ([ ... ])',
    ]);
  });

  it('a MACHINE_ROOM consumer without rooms and a fractional startAt', () => {
    expect(paths({ consumers: [{ id: 'c-1', group: 'CG', topic: 'T', allocateStrategy: 'MACHINE_ROOM', startAt: 0.5 }] })).toEqual([
      'consumers[0].consumeridcs: must list at least one machine room when allocateStrategy is MACHINE_ROOM',
      expect.stringMatching(/^consumers\[0\]\.startAt: must be an integer/),
    ]);
  });

  it('updateTopic with both "cluster" and "broker" and a fractional readQueueNums', () => {
    expect(paths({ timeline: [{ at: 1_000, action: 'updateTopic', topic: 'T', cluster: 'DefaultCluster', broker: 'broker-a', readQueueNums: 2.5 }] })).toEqual([
      'timeline[0]: give either "cluster" (every master of a cluster: mqadmin -c) or "broker" (one broker: mqadmin -b), not both',
      `timeline[0].readQueueNums: ${COUNT}`,
    ]);
  });

  it('updateTopic that changes nothing, at a fractional time', () => {
    expect(paths({ timeline: [{ at: 1.5, action: 'updateTopic', topic: 'T' }] })).toEqual([
      'timeline[0]: give at least one of writeQueueNums, readQueueNums or perm, or a cluster or broker to create the topic on',
      expect.stringMatching(/^timeline\[0\]\.at: must be an integer/),
    ]);
  });
});
