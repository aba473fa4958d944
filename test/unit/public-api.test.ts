import { InvalidScenarioError, simulate } from '../../src/index.ts';

describe('simulate() from src/index.ts', () => {
  const file = {
    version: 1,
    durationMs: 60_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
  };

  it('runs a scenario file with RocketMQ defaults to untilMs and returns its trace and summary', () => {
    const { trace, summary } = simulate(file, { untilMs: 30_000 });
    expect(summary.untilMs).toBe(30_000);
    expect(summary.traceEvents).toBe(trace.length);
    expect(trace.every((event) => event.t <= 30_000)).toBe(true);
    // 10 messages a second from 1 s: the sends at 1.1 s ... 30 s.
    expect(summary.messages.sent).toBe(290);
    expect(summary.routes['ns-1']?.brokers).toEqual(['broker-a']);
  });

  it('refuses an invalid scenario with every problem by JSON path', () => {
    const bad = { ...file, topics: [{ name: 'TopicTest', readQueueNums: 0 }], durationMs: -1 };
    expect(() => simulate(bad)).toThrow(InvalidScenarioError);
    try {
      simulate(bad);
    } catch (error) {
      expect((error as InvalidScenarioError).errors.map((e) => e.path)).toEqual(expect.arrayContaining(['durationMs', 'topics[0].readQueueNums']));
    }
  });
});
