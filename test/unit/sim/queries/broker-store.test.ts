/**
 * The named queries over a broker's whole store, run against the Timeline: brokerStore (the
 * IndexService's entries, a message found in the CommitLog) and queueMessages (a queue's latest
 * messages through its ConsumeQueue units).
 */
import { describe, expect, it } from 'vitest';
import { runSimQuery } from '../../../../src/sim/queries/index.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { writeReadScenario } from '../../../component/panels/scenarios.ts';
import { libraryScenario } from '../../../support/library.ts';

function keyedTimeline(atMs: number): Timeline {
  const scenario = writeReadScenario({ slaves: true });
  scenario.producers = scenario.producers.map((producer) => ({ ...producer, keyPrefix: 'order' }));
  const timeline = new Timeline(scenario);
  timeline.seek(atMs);
  return timeline;
}

describe('brokerStore: a message stored behind a group\'s offset', () => {
  it('names the groups that had read past it when it was stored (message.storedBehind), and none for the others', () => {
    const timeline = new Timeline(libraryScenario('power-loss-flush'));
    timeline.seek(100_000);
    const behind = timeline.traceSlice(0).find((event) => event.type === 'message.storedBehind')!;
    expect(behind.type === 'message.storedBehind' && behind.reader).toBe('CG');
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: behind.msgId })!.passedBy).toEqual(['CG']);
    // A message of broker-a stored before the power loss, and read.
    const earlier = timeline.traceSlice(0).find((event) => event.type === 'message.consumed' && event.broker === 'broker-a')!;
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: 'msgId' in earlier ? earlier.msgId : '' })!.passedBy).toEqual([]);
  });
});

describe('brokerStore', () => {
  const timeline = keyedTimeline(40_000);
  const log = timeline.state.brokers['broker-a/0']!.commitLog;
  const messages = log.slice(0);

  it('counts IndexService entries as buildIndex makes them: the UNIQ_KEY and each key of every stored message', () => {
    const withKey = messages.filter((message) => message.keys !== '').length;
    expect(withKey).toBeGreaterThan(100);
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: null })).toEqual({ indexEntries: messages.length + withKey, message: null, passedBy: [] });
    // Moving on counts the messages appended since (and the same total as counting afresh).
    timeline.seek(50_000);
    const later = timeline.state.brokers['broker-a/0']!.commitLog.slice(0);
    expect(later.length).toBeGreaterThan(messages.length);
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: null })!.indexEntries).toBe(later.length + later.filter((m) => m.keys !== '').length);
    timeline.seek(40_000);
  });

  it('finds the oldest message of the CommitLog by msgId, on the master and on its slave, and says null for another id or broker', () => {
    const oldest = messages[0]!;
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: oldest.msgId })!.message).toEqual(oldest);
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/1', msgId: oldest.msgId })!.message?.commitLogOffset).toBe(oldest.commitLogOffset);
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-a/0', msgId: 'NO_SUCH_ID' })!.message).toBeNull();
    expect(runSimQuery(timeline, 'brokerStore', { broker: 'broker-z/0', msgId: null })).toBeNull();
  });
});

describe('queueMessages', () => {
  it('lists a queue\'s latest messages newest first through its ConsumeQueue units, and its maxOffset', () => {
    const timeline = keyedTimeline(40_000);
    const master = timeline.state.brokers['broker-a/0']!;
    const inQueue = master.commitLog.slice(0).filter((message) => message.topic === 'TopicTest' && message.queueId === 5);
    const answer = runSimQuery(timeline, 'queueMessages', { broker: 'broker-a', topic: 'TopicTest', queueId: 5, count: 20 })!;
    expect(answer.maxOffset).toBe(inQueue.length);
    expect(answer.latest).toEqual(inQueue.slice(-20).reverse());
    expect(runSimQuery(timeline, 'queueMessages', { broker: 'broker-a', topic: 'TopicTest', queueId: 5 })!.latest).toHaveLength(8);
    expect(runSimQuery(timeline, 'queueMessages', { broker: 'broker-a', topic: 'NoSuchTopic', queueId: 0 })).toBeNull();
  });
});
