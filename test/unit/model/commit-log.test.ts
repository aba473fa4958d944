import { CommitLog, indexesOfMsgId, indexesWithKey, keysAt } from '../../../src/model/broker/commit-log.ts';
import { AppendLog } from '../../../src/engine/append-log.ts';
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
/** How many messages the log keeps as objects: the next one puts the first into the columns. */
const COUNT_RECENT = 4_096;

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

  it('reads a snapshot back whole after a restore stored the same messages again over its recent ones', () => {
    const live = new CommitLog();
    for (let n = 0; n < 1_000; n++) live.append(message(n));
    const early = live.clone();
    for (let n = 1_000; n < 9_000; n++) live.append(message(n));
    const late = live.clone();
    // The restored run takes back the places of 5,096 .. 5,195 among the recent ones, as it stores 1,000 .. 1,099 again.
    const restored = early.clone();
    for (let n = 1_000; n < 1_100; n++) restored.append(message(n));
    for (const n of [999, 1_000, 1_099, 4_903, 4_904, 5_096, 5_195, 8_999]) expect(late.at(n)).toEqual(message(n));
    expect(restored.at(1_050)).toEqual(message(1_050));
  });

  it('keeps out of its columns what a runner reclaimed while it was recent, and reads the rest', () => {
    const reclaimed = new CommitLog();
    for (let n = 0; n < 3_000; n++) reclaimed.append(message(n));
    reclaimed.reclaimBelow(2_000);
    for (let n = 3_000; n < 7_000; n++) reclaimed.append(message(n));
    expect([reclaimed.at(2_000), reclaimed.at(2_904), reclaimed.at(6_999)]).toEqual([message(2_000), message(2_904), message(6_999)]);
    expect(reclaimed.storeIdAt(2_500)).toBe(2_501);
    expect(reclaimed.oldestSerial()).toBe(2_000);
    expect(() => reclaimed.at(1_999)).toThrow(/entry 1999 was reclaimed/);
  });

  it('refuses an id that is not 32 upper-case hex digits when the message goes into the columns', () => {
    for (const bad of [{ msgId: 'abc' }, { offsetMsgId: message(0).offsetMsgId.toLowerCase() }, { msgId: `${message(0).msgId.slice(1)}\u00b0` }]) {
      const other = new CommitLog();
      other.append({ ...message(0), ...bad });
      for (let n = 1; n < COUNT_RECENT; n++) other.append(message(n));
      expect(() => other.append(message(COUNT_RECENT))).toThrow(/32 upper-case hex digits/);
    }
  });

  it('keeps as many of the latest as objects as it was told (a Timeline\'s keeps 512): the next puts the first into the columns', () => {
    const kept = CommitLog.keepingRecent(512);
    kept.append({ ...message(0), msgId: 'abc' });
    for (let n = 1; n < 512; n++) kept.append(message(n));
    expect(() => kept.append(message(512))).toThrow(/32 upper-case hex digits/);
    const timeline = CommitLog.keepingRecent(512);
    for (let n = 0; n < COUNT; n++) timeline.append(message(n));
    for (const n of [0, 511, 512, 5_000, COUNT - 513, COUNT - 512, COUNT - 1]) expect(timeline.at(n)).toEqual(message(n));
    expect(timeline.truncated(4_100).slice(4_000)).toEqual(timeline.slice(4_000, 4_100));
    expect(() => CommitLog.keepingRecent(500)).toThrow(/not a power of two/);
  });

  it('writes each entry into the columns as it is appended when told (a Timeline\'s): a bad id throws at its own append, and every read is the same', () => {
    expect(() => CommitLog.keepingRecent(512, true).append({ ...message(0), msgId: 'abc' })).toThrow(/32 upper-case hex digits/);
    const atAppend = CommitLog.keepingRecent(512, true);
    const onDisplace = CommitLog.keepingRecent(512);
    for (let n = 0; n < COUNT; n++) for (const each of [atAppend, onDisplace]) each.append(message(n));
    for (const n of [0, 511, 512, 5_000, COUNT - 513, COUNT - 512, COUNT - 1]) {
      expect(atAppend.at(n)).toEqual(message(n));
      expect(atAppend.keysAt(n)).toBe(message(n).keys);
    }
    expect(atAppend.truncated(4_100).slice(4_000)).toEqual(onDisplace.slice(4_000, 4_100));
    // A copy keeps writing at append: its bad id throws at once too.
    expect(() => atAppend.truncated(10).append({ ...message(10), msgId: 'abc' })).toThrow(/32 upper-case hex digits/);
    expect(indexesOfMsgId(atAppend, message(COUNT - 1).msgId)).toEqual([COUNT - 1]);
  });

  it('finds the entries with a msgId or an indexed key as a scan of the messages would, in the columns and among the recent ones', () => {
    const columns = new CommitLog();
    const objects = new AppendLog<StoredMessage>();
    for (let n = 0; n < COUNT; n++) for (const each of [columns, objects]) each.append(message(n));
    // Copies: a retry of message 10 and of message 9,000 (same msgId and keys), stored later.
    const copies = [10, 9_000].map((n) => Object.freeze({ ...message(n), storeId: COUNT + n, topic: '%RETRY%group-a' }));
    const both = [columns, objects];
    for (const copy of copies) for (const each of both) each.append(copy);
    for (const n of [0, 10, 4_095, 5_000, 9_000, COUNT - 1]) {
      const { msgId, keys } = message(n);
      const expected = indexesOfMsgId(both[1]!, msgId);
      expect(expected.length).toBeGreaterThan(0);
      expect(indexesOfMsgId(both[0]!, msgId)).toEqual(expected);
      expect(indexesWithKey(both[0]!, keys)).toEqual(indexesWithKey(both[1]!, keys));
      // The client msgId is indexed too (UNIQ_KEY).
      expect(indexesWithKey(both[0]!, msgId)).toEqual(expected);
    }
    expect(indexesOfMsgId(both[0]!, message(10).msgId)).toEqual([10, COUNT]);
    for (const n of [0, 4_095, 5_000, COUNT - 1]) expect(keysAt(both[0]!, n)).toBe(message(n).keys);
    // order-1 is not order-10: whole keys only.
    expect(indexesWithKey(both[0]!, 'order-1')).toEqual([1]);
    for (const absent of ['', 'order', 'not an id', message(COUNT + 5).msgId]) {
      expect(indexesOfMsgId(both[0]!, absent)).toEqual([]);
      expect(indexesWithKey(both[0]!, absent)).toEqual(indexesWithKey(both[1]!, absent));
      expect(indexesWithKey(both[0]!, absent)).toEqual([]);
    }
  });
});
