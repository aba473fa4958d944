/**
 * ConsumerOffsetManager on the broker: consumers' commits change its memory, and consumerOffset.json
 * is written 10 s after start and then every flushConsumerOffsetInterval (5 s; BrokerController),
 * and at a graceful shutdown (BrokerController.shutdown). A restarted broker loads the file: after
 * a crash the queues are read again from the offsets of the last write; after a shutdown, from
 * the last commit.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineAction } from '../../src/model/spec.ts';
import { TestSim } from '../support/test-sim.ts';

const FIRST_WRITE = 10_000;
const WRITE_PERIOD = 5_000;
const STOP = 63_000;
const RESTART = 80_000;
/** The last write at or before `t` of a broker started at 0. */
const lastWriteBefore = (t: number) => FIRST_WRITE + Math.floor((t - FIRST_WRITE) / WRITE_PERIOD) * WRITE_PERIOD;

function run(stop: TimelineAction['action']): TestSim {
  return new TestSim({
    version: 1, durationMs: 120_000, seed: 7,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', ip: '10.0.1.1' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4, cluster: 'DefaultCluster' }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [{ at: STOP, action: stop, target: 'broker-a' } as TimelineAction, { at: RESTART, action: 'startBroker', target: 'broker-a' }],
  });
}

const offsetsAt = (stop: TimelineAction['action'], t: number) => ({ ...run(stop).at(t).broker('broker-a').consumerOffsetTable['CG'] });

describe('the broker\'s consumer offsets across a restart', () => {
  it('after a crash are those of its last write to consumerOffset.json, 10 s after start and every 5 s, not its last commit', () => {
    const written = offsetsAt('crashBroker', lastWriteBefore(STOP));
    const committed = offsetsAt('crashBroker', STOP - 1);
    expect(committed).not.toEqual(written);
    expect(offsetsAt('crashBroker', RESTART)).toEqual(written);
  });

  it('after a graceful shutdown are its last commit: BrokerController.shutdown writes the file', () => {
    expect(offsetsAt('shutdownBroker', RESTART)).toEqual(offsetsAt('shutdownBroker', STOP));
  });
});
