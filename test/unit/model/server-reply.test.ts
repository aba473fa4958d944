/**
 * A server writes its response into the channel the request came in on
 * (NettyRemotingAbstract.processRequestCommand: ctx.writeAndFlush through the
 * RemotingResponseCallback). It never connects out, so a response to a client that closed that
 * channel is lost, and the client's next call opens a channel of its own.
 *
 * Here a 4.9.8 SYNC_MASTER whose slave is cut off answers a send after slaveTimeout (3 s), with
 * FLUSH_SLAVE_TIMEOUT; the producer's sendMsgTimeout (3 s) ran out a hop before that, and its
 * timed-out invokeSync closed the channel (clientCloseSocketIfTimeout, true by default).
 *
 * Jitter is 0: one hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../../support/test-sim.ts';

const HOP = 1;
/** DefaultMQProducer.sendMsgTimeout. */
const SEND_MSG_TIMEOUT = 3_000;
/** MessageStoreConfig.slaveTimeout: the SYNC_MASTER's wait for a slave's ack. */
const SLAVE_TIMEOUT = 3_000;
const CUT = 20_000;

function slaveCutOff(): TestSim {
  return new TestSim({
    version: 1, durationMs: 60_000, config: { networkJitterMs: 0, rocketmqVersion: '4.x' },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', ip: '10.0.1.1', role: 'SYNC_MASTER' },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    // One message every 10 s: nothing else of p-1's goes to broker-a between a send and its answer.
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 0.1 }],
    timeline: [{ at: CUT, action: 'partitionLink', target: 'broker-a/0', peer: 'broker-a/1' }],
  });
}

describe('a server answers only into the channel the request came in on', () => {
  it('loses the answer to a producer whose send timed out and closed its channel, opening no connection back', () => {
    const sent = slaveCutOff().at(CUT + 10_000).first('message.sent', (e) => e.t >= CUT)!;
    const answered = sent.t + HOP + SLAVE_TIMEOUT;
    const sim = slaveCutOff().at(answered + HOP);
    expect(sim.events('message.sent', (e) => e.t > sent.t)).toEqual([]);
    expect(sim.events('send.failed', { msgId: sent.msgId })).toMatchObject([{ t: sent.t + SEND_MSG_TIMEOUT, reason: 'timeout' }]);
    // The master wrote FLUSH_SLAVE_TIMEOUT a hop after the producer closed its channel: it went nowhere.
    expect(answered).toBeGreaterThan(sent.t + SEND_MSG_TIMEOUT);
    expect(sim.sim.net.isConnected('p-1', 'broker-a/0')).toBe(false);
    expect(sim.sim.net.isConnected('broker-a/0', 'p-1')).toBe(false);
  });
});
