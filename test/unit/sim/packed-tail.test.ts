/**
 * A frame's trace events packed for the wire (src/sim/frame/packed-tail.ts): what the page
 * unpacks is what the JSON of the events gave it before, key order included, and a string that
 * comes back in the events crosses once.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/model/events.ts';
import { TailPacker, unpackTail } from '../../../src/sim/frame/packed-tail.ts';

function packTail(events: readonly TraceEvent[]) {
  const packer = new TailPacker();
  for (const event of events) packer.add(event);
  return packer.packed();
}

const id = 'C0A8000100002A9F0000000000000001';
const events = [
  { t: 0, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-a', brokerId: 0, first: true },
  { t: 5, type: 'message.sent', producer: 'p-1', msgId: id, topic: '__proto__', tags: 'Tag "A"\n', keys: '', broker: 'broker-a', queueId: 3, attempt: 1 },
  { t: 6, type: 'message.stored', broker: 'broker-a', brokerId: 0, topic: '__proto__', queueId: 3, queueOffset: 2 ** 40, commitLogOffset: 0, msgId: id, offsetMsgId: id },
  { t: 7, type: 'send.result', producer: 'p-1', msgId: id, status: 'SEND_OK' },
  { t: 8, type: 'route.updated', client: 'c-1', topic: 'T', writeQueues: ['broker-a:0'], readQueues: [], nameServer: 'ns-1' },
  { t: 9, type: 'controller.elected', controller: 'ctl', broker: 'broker-a', brokerId: null, masterEpoch: 2, trigger: 'election' },
  { t: 10, type: 'controller.elected', controller: 'ctl', broker: 'broker-a', brokerId: 1, masterEpoch: 3, trigger: 'election' },
  { t: 11, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-b', brokerId: -1, first: false },
  { t: 12.5, type: 'fault', action: 'crashBroker', target: 'broker-\u{1F600}\uD800' },
  { t: 13, type: 'fault', action: Number.NaN, target: undefined },
  { type: 'fault', t: 14, action: 'startBroker', target: 'broker-a' },
  { t: 15, type: 'fault', action: 'startBroker', target: 'broker-a', extra: 0 },
] as unknown as TraceEvent[];

/** What the page read before: the events' JSON parsed. */
const asJson = (list: readonly TraceEvent[]) => JSON.parse(JSON.stringify(list)) as unknown;

describe('packed trace tail', () => {
  it('unpack to what the events\' JSON gives, with their keys in the same order', () => {
    const unpacked = unpackTail(structuredClone(packTail(events)));
    expect(unpacked).toEqual(asJson(events));
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(events));
    expect(unpackTail(packTail([]))).toEqual([]);
  });

  it('carry a string once however many events name it, and the events that JSON would change as JSON', () => {
    const packed = packTail(events);
    expect(packed.text.split(id)).toHaveLength(2);
    // The route's arrays, the large offset stays a number, NaN and undefined as JSON writes them.
    const [, , whole] = JSON.parse(packed.text) as [unknown, unknown, unknown[]];
    expect(whole).toEqual(asJson([events[4]!, events[9]!]));
    expect(packed.floats).toEqual(new Float64Array([2 ** 40, 12.5]));
  });

  it('give unpacked events of one shape objects of their own', () => {
    const [first, second] = unpackTail(packTail([events[3]!, { ...events[3]!, t: 99 } as TraceEvent]));
    expect(first).not.toBe(second);
    expect(first!.t).toBe(7);
    expect(second!.t).toBe(99);
  });
});
