/**
 * Who believes what about the brokers (the failover view's table): a client's brokerAddrTable holds
 * only the brokers of its own topics' routes (MQClientInstance.updateTopicRouteInfoFromNameServer),
 * so missing a broker that holds none of them is no wrong belief; a NameServer should list every
 * live broker.
 */
import { describe, expect, it } from 'vitest';
import { beliefsAt, believesWrong } from '../../../src/ui/panels/failover-model.ts';
import { libraryTimeline } from '../../support/library.ts';

describe('beliefsAt', () => {
  it('does not call a client wrong for missing a broker that holds none of its topics (create-topic-cluster: broker-c of OtherCluster)', () => {
    const timeline = libraryTimeline('create-topic-cluster', 25_000);
    const { rows } = beliefsAt(timeline.state);
    const brokerC = rows.find((row) => row.broker === 'broker-c/0')!;
    expect(brokerC.alive).toBe(true);
    for (const client of ['p-1', 'c-1', 'c-2']) {
      expect(brokerC.listed[client]).toBeNull();
      expect(believesWrong(brokerC, client)).toBe(false);
    }
    // broker-b holds TopicOrder since 0:20: p-1, whose sends ask for the route again, lists it and is right...
    const brokerB = rows.find((row) => row.broker === 'broker-b/0')!;
    expect(brokerB.concerns['p-1']).toBe(true);
    expect([brokerB.listed['p-1'], believesWrong(brokerB, 'p-1')]).toEqual([0, false]);
    // ...and about broker-a, which holds it too (ns-2 answered p-1's query at 0:20.004, after both registrations);
    // a client that missed either would be wrong.
    expect(believesWrong({ ...brokerB, listed: { ...brokerB.listed, 'p-1': null } }, 'p-1')).toBe(true);
    const brokerA = rows.find((row) => row.broker === 'broker-a/0')!;
    expect(brokerA.concerns['p-1']).toBe(true);
    expect([brokerA.listed['p-1'], believesWrong(brokerA, 'p-1')]).toEqual([0, false]);
    expect(believesWrong({ ...brokerA, listed: { ...brokerA.listed, 'p-1': null } }, 'p-1')).toBe(true);
    // Every NameServer must list every live broker, broker-c included.
    expect(believesWrong({ ...brokerC, listed: { ...brokerC.listed, 'ns-1': null } }, 'ns-1')).toBe(true);
  });
});
