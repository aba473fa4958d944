import { describe, expect, it } from 'vitest';
import type { QueueSummary } from '../../../src/sim/summary.ts';
import { queueFate } from '../../../src/ui/panels/queue-model.ts';

/** A queue of TopicTest on broker-a with one group, CG_ORDER, at `offset`. */
function queue(fields: Partial<QueueSummary> & { offset?: number }): QueueSummary {
  const maxOffset = fields.maxOffset ?? 10;
  const offset = fields.offset ?? maxOffset;
  return {
    topic: 'TopicTest', broker: 'broker-a', queueId: 5, maxOffset, readable: false, writable: false,
    consumerOffsets: { CG_ORDER: offset }, lag: { CG_ORDER: maxOffset - offset }, neverConsumable: 0, unreadableCause: 'readShrunk', ...fields,
  };
}

describe('queueFate: what becomes of the messages of a queue', () => {
  it('is readable while consumers may be given the queue id', () => {
    expect(queueFate(queue({ readable: true, unreadableCause: null, offset: 3 }))).toBe('readable');
  });

  it('is drained only when every group consumed it and no producer writes it any more (id >= writeQueueNums)', () => {
    expect(queueFate(queue({}))).toBe('drained');
  });

  it('is not drained while producers still write it (writeQueueNums > id >= readQueueNums): each new message is never consumable', () => {
    expect(queueFate(queue({ writable: true, unreadableCause: 'writtenAboveRead' }))).toBe('filling');
  });

  it('is never consumable as soon as it holds a message no group can read any more', () => {
    expect(queueFate(queue({ offset: 4, neverConsumable: 6 }))).toBe('never');
  });

  it('is pulled while what is left sits in a consumer\'s ProcessQueue, not consumed yet', () => {
    expect(queueFate(queue({ offset: 4 }))).toBe('pulled');
  });

  it('is empty when it never held a message and none can arrive', () => {
    expect(queueFate(queue({ maxOffset: 0 }))).toBe('empty');
  });
});
