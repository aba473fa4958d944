import { CommitLog } from '../../../src/model/broker/commit-log.ts';
import { createOffsetMsgId, createUniqId, DEFAULT_CLASS_LOADER_HASH } from '../../../src/model/message-id.ts';
import type { StoredMessage } from '../../../src/model/state.ts';

/** A message as putMessage builds it (its key order too), the n-th of a run. */
function message(n: number): StoredMessage {
  return Object.freeze({
    msgId: createUniqId({ ip: [10, 0, 0, 7], pid: 4242, classLoaderHash: DEFAULT_CLASS_LOADER_HASH, startOfMonthMs: 1_000 + n, counter: n & 0xffff }),
    serial: n,
    offsetMsgId: createOffsetMsgId([10, 0, 0, 9], 10911, n * 200),
    topic: n % 3 === 0 ? '%RETRY%group-a' : 'TopicTest',
    queueId: n % 8,
    queueOffset: n >> 3,
    commitLogOffset: n * 200 + 2 ** 33,
    size: 200,
    bodyBytes: 64 + (n % 5),
    tags: n % 2 === 0 ? 'TagA' : '',
    tagsCode: n % 2 === 0 ? 2598919 : 0,
    keys: `order-${n}`,
    producer: 'producer-1',
    bornTimestamp: 1_700_000_000_000 + n,
    storeTimestamp: 1_700_000_000_005 + n,
    reconsumeTimes: n % 4,
    originTopic: 'TopicTest',
    delayLevel: n % 3 === 0 ? 3 : 0,
    realTopic: n % 3 === 0 ? 'TopicTest' : '',
    realQueueId: n % 3 === 0 ? n % 8 : -1,
    storeId: n + 1,
  });
}

/** More than the log keeps as objects, so that most reads come back from the columns. */
const COUNT = 10_000;

describe('CommitLog in columns', () => {
  const log = new CommitLog();
  for (let n = 0; n < COUNT; n++) log.append(message(n));

  it('reads every message back equal, frozen, and printing the same as when it was stored', () => {
    for (const n of [0, 1, 4_095, 4_096, 5_000, COUNT - 4_097, COUNT - 1]) {
      const read = log.at(n)!;
      expect(read).toEqual(message(n));
      expect(JSON.stringify(read)).toBe(JSON.stringify(message(n)));
      expect(Object.isFrozen(read)).toBe(true);
    }
    expect(log.at(COUNT)).toBeUndefined();
    expect(log.at(-1)).toBeUndefined();
  });

  it('shares its entries with a clone up to the clone length, and copies them when truncated or detached', () => {
    const clone = log.clone();
    expect(clone.storage).toBe(log.storage);
    const cut = log.truncated(4_100);
    expect(cut.storage).not.toBe(log.storage);
    expect(cut.length).toBe(4_100);
    expect(cut.slice(4_090)).toEqual(log.slice(4_090, 4_100));
    expect(log.detach().toArray()).toEqual(log.toArray());
  });

  it('frees the entries a runner reclaims: reading one throws, the rest read back, and a copy keeps them freed', () => {
    const reclaimed = new CommitLog();
    for (let n = 0; n < COUNT; n++) reclaimed.append(message(n));
    reclaimed.reclaimBelow(5_000);
    expect(reclaimed.minIndex).toBe(5_000);
    expect(() => reclaimed.at(4_999)).toThrow(/entry 4999 was reclaimed/);
    expect(() => reclaimed.slice(0)).toThrow(/was reclaimed/);
    expect(reclaimed.at(5_000)).toEqual(message(5_000));
    expect(reclaimed.storeIdAt(6_000)).toBe(6_001);
    // The first chunk (4,096 entries) is gone; the one holding 5,000 stays, so its serials count.
    expect(reclaimed.oldestSerial()).toBe(4_096);
    const cut = reclaimed.truncated(7_000);
    expect([cut.minIndex, cut.length]).toEqual([5_000, 7_000]);
    expect(cut.slice(5_000)).toEqual(reclaimed.slice(5_000, 7_000));
    expect(() => cut.at(4_000)).toThrow(/was reclaimed/);
    expect(() => reclaimed.truncated(4_000)).toThrow(/below its reclaimed entries/);
  });

  it('refuses an id that is not 32 upper-case hex digits', () => {
    const other = new CommitLog();
    expect(() => other.append({ ...message(1), msgId: 'abc' })).toThrow(/32 upper-case hex digits/);
    expect(() => other.append({ ...message(1), offsetMsgId: message(1).offsetMsgId.toLowerCase() })).toThrow(/32 upper-case hex digits/);
  });
});
