/**
 * The example files in examples/ (for `npm run sim -- examples/<file>`), each read as the CLI
 * reads it (parseScenarioText) and run with simulate(), each showing the RocketMQ fact its
 * description promises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceType } from '../../src/model/events.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { simulate, type SimulateResult } from '../../src/sim/simulate.ts';

const EXAMPLES = new URL('../../examples/', import.meta.url);

function runExample(file: string): SimulateResult {
  const parsed = parseScenarioText(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return simulate(parsed.scenario);
}

function events<T extends TraceType>(trace: TraceEvent[], type: T, accept: (e: Extract<TraceEvent, { type: T }>) => boolean = () => true) {
  return trace.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && accept(e as Extract<TraceEvent, { type: T }>));
}

describe('examples/', () => {
  it('every example is a valid scenario with a name and a description', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['broker-crash.json', 'broker-partition.json', 'graceful-shutdown.json', 'nameservers-disagree.json']));
    for (const file of files) {
      const parsed = parseScenarioText(readFileSync(new URL(file, EXAMPLES), 'utf8'));
      expect(parsed.ok, file).toBe(true);
      if (parsed.ok) expect(parsed.scenario.description.length, file).toBeGreaterThan(50);
    }
  });

  it('broker-crash.json: both NameServers drop the crashed broker at once; sends retry on the other broker until the route refresh', () => {
    const { trace, summary } = runExample('broker-crash.json');
    expect(events(trace, 'broker.removed').map(({ t, nameServer, broker, reason }) => ({ t, nameServer, broker, reason }))).toEqual([
      { t: 60_051, nameServer: 'ns-1', broker: 'broker-a', reason: 'channelClosed' },
      { t: 60_051, nameServer: 'ns-2', broker: 'broker-a', reason: 'channelClosed' },
    ]);
    const failed = events(trace, 'send.failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const failure of failed) {
      expect(failure).toMatchObject({ broker: 'broker-a', attempt: 1, reason: 'connectRefused' });
      expect(failure.t).toBeGreaterThan(60_050);
      expect(failure.t).toBeLessThan(90_012); // the producer's refresh at 90 010 ms answers 2 hops later
      expect(events(trace, 'message.sent', (e) => e.msgId === failure.msgId && e.attempt === 2)).toEqual([expect.objectContaining({ broker: 'broker-b' })]);
    }
    expect(events(trace, 'message.sent', (e) => e.t >= 90_012 && e.broker === 'broker-a')).toEqual([]);
    expect(summary.messages.failed).toBe(0);
    expect(summary.routes['ns-1']?.brokers).toEqual(['broker-b']);
  });

  it('broker-partition.json: removed when its channel has been idle 120 s (before the scan); SYNC sends to it fail within 3 s, a timeout then connects that time out, and try broker-b with time left; back after the heal', () => {
    const { trace } = runExample('broker-partition.json');
    // The last registration arrived at 40 001; NettyServerConfig.serverChannelMaxIdleTimeSeconds = 120.
    expect(events(trace, 'broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: 160_001, nameServer: 'ns-1', reason: 'channelIdle' },
      { t: 160_001, nameServer: 'ns-2', reason: 'channelIdle' },
    ]);
    // The first send into the partition times out after sendMsgTimeout and closes p-1's channel (clientCloseSocketIfTimeout); the
    // sends waiting on it fail with it and try broker-b; every later one's connect fails after connectTimeoutMillis. Both 3 s.
    const failed = events(trace, 'send.failed');
    const sentAt = (msgId: string, attempt: number) => events(trace, 'message.sent', (e) => e.msgId === msgId && e.attempt === attempt)[0]!.t;
    const [first, ...rest] = failed;
    expect([first!.reason, first!.t - sentAt(first!.msgId, 1)]).toEqual(['timeout', 3_000]);
    const closed = rest.filter((e) => e.reason === 'channelClosed');
    expect(closed.map((e) => e.t)).toEqual([first!.t, first!.t]);
    for (const e of closed) expect(events(trace, 'send.result', (r) => r.msgId === e.msgId)).toEqual([expect.objectContaining({ status: 'SEND_OK' })]);
    // A send made while a connect is under way waits for it (createChannelAsync), and tries broker-b if it has time left.
    const connects = rest.filter((e) => e.reason !== 'channelClosed');
    expect(connects.length).toBeGreaterThan(100);
    for (const failure of connects) {
      const waited = failure.t - sentAt(failure.msgId, 1);
      expect([failure.reason, failure.attempt]).toEqual(['connectTimeout', 1]);
      expect(waited).toBeLessThanOrEqual(3_000);
      expect(events(trace, 'send.result', (e) => e.msgId === failure.msgId)).toEqual([expect.objectContaining(waited === 3_000 ? { t: failure.t, status: 'FAILED' } : { status: 'SEND_OK' })]);
    }
    expect(events(trace, 'broker.registered', (e) => e.broker === 'broker-a' && e.t > 200_000).map(({ t, nameServer, first }) => ({ t, nameServer, first }))).toEqual([
      { t: 220_001, nameServer: 'ns-1', first: true },
      { t: 220_001, nameServer: 'ns-2', first: true },
    ]);
  });

  it('graceful-shutdown.json: unregistered from each NameServer in turn', () => {
    const { trace } = runExample('graceful-shutdown.json');
    expect(events(trace, 'broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: 60_001, nameServer: 'ns-1', reason: 'unregistered' },
      { t: 60_003, nameServer: 'ns-2', reason: 'unregistered' },
      { t: 60_005, nameServer: 'ns-3', reason: 'unregistered' },
    ]);
  });

  it('nameservers-disagree.json: a restarted NameServer relearns each broker at its next registration; a cut link idles out on one NameServer only', () => {
    const { trace, summary } = runExample('nameservers-disagree.json');
    expect(events(trace, 'broker.registered', (e) => e.nameServer === 'ns-2' && e.t > 26_000 && e.first).map((e) => [e.t, e.broker])).toEqual([
      [30_001, 'broker-b'], [40_001, 'broker-a'],
    ]);
    expect(events(trace, 'broker.removed').map(({ t, nameServer, broker, reason }) => ({ t, nameServer, broker, reason }))).toEqual([
      { t: 210_001, nameServer: 'ns-1', broker: 'broker-b', reason: 'channelIdle' },
    ]);
    expect(summary.routes['ns-1']?.brokers).toEqual(['broker-a']);
    expect(summary.routes['ns-2']?.brokers).toEqual(['broker-a', 'broker-b']);
  });

  it('write8-read4.json: the messages of queue ids 4..7 are never consumable', () => {
    const { trace, summary } = runExample('write8-read4.json');
    const upper = events(trace, 'message.stored', (e) => e.topic === 'TopicTest' && e.queueId >= 4);
    expect(upper.length).toBeGreaterThan(500);
    expect(summary.messages.neverConsumable).toBe(upper.length);
    expect(events(trace, 'message.consumed', (e) => e.queueId >= 4)).toEqual([]);
  });

  it('consumer-crash-vs-hang.json: a crash is noticed at once, a hang only after the 120 s channel expiry', () => {
    const { trace } = runExample('consumer-crash-vs-hang.json');
    expect(events(trace, 'consumer.removed').map(({ t, consumer, reason }) => ({ t, consumer, reason }))).toEqual([
      { t: 40_001, consumer: 'c-3', reason: 'channelClosed' },
      { t: 190_000, consumer: 'c-2', reason: 'expired' },
    ]);
    const afterCrash = events(trace, 'rebalance', (e) => e.topic === 'TopicTest' && e.t > 40_000 && e.t < 41_000);
    expect(afterCrash.map((e) => [e.t, e.consumer])).toEqual([[40_004, 'c-1'], [40_004, 'c-2']]);
    const afterHang = events(trace, 'rebalance', (e) => e.topic === 'TopicTest' && e.t > 70_000);
    expect(afterHang.map((e) => e.consumer)).toEqual(['c-1']);
    expect(afterHang[0]!.t).toBeGreaterThan(190_000);
    expect(afterHang[0]!.t).toBeLessThanOrEqual(190_000 + 20_000 + 2);
    expect(afterHang[0]!.queues).toHaveLength(6);
  });
});
