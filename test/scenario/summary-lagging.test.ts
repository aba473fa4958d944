/**
 * What the Overview's Lagging counts (src/ui/panels/strings.ts, its hint): a queue's messages
 * beyond each group's offset, the holding consumer's or else the one committed on the broker.
 * After a broker leaves the routes, its queues have no holder, and a message consumed whose offset
 * never reached the broker counts: its next owner (the broker back) consumes it again.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

describe('Lagging', () => {
  it('counts the consumed but uncommitted messages of queues no consumer holds: "Crash vs partition vs shutdown" at 6:00', () => {
    const sim = new TestSim(findLibraryEntry('crash-partition-shutdown')!.scenario as ScenarioJson).at(360_000);
    const stored = new Set(sim.events('message.stored', { topic: 'TopicTest' }).map((e) => e.msgId));
    const consumed = new Set(sim.events('message.consumed', { topic: 'TopicTest' }).map((e) => e.msgId));
    expect([...stored].filter((msgId) => !consumed.has(msgId))).toEqual([]);
    const { messages, queues } = sim.summary();
    expect(messages.lagging).toBe(8);
    const lagging = queues.filter((queue) => queue.readable && Math.max(...Object.values(queue.lag)) > 0);
    expect(lagging.map((queue) => `${queue.broker}:${queue.queueId}`)).toEqual(['broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3', 'broker-c:0', 'broker-c:1', 'broker-c:2', 'broker-c:3']);
    const held = Object.values(sim.sim.state.clients).flatMap((client) => (client.kind === 'consumer' ? Object.keys(client.processQueueTable) : []));
    for (const queue of lagging) expect(held.some((key) => key.includes(queue.broker))).toBe(false);
  });
});
