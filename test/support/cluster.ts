/**
 * The cluster many scenario tests run on: two NameServers, broker-a (a master with its slave) and
 * broker-b, at fixed ips so that ids in the trace are the same in every test; TopicTest with 4
 * queues on each master, p-1 sending 10 messages a second and c-1 consuming it; no network jitter,
 * so every time a test expects is exact. A test names only what it is about.
 *
 *   new TestSim(masterSlaveCluster({ durationMs: 300_000, timeline: [{ at: 50_000, action: 'crashBroker', target: 'broker-a' }] }))
 */
import type { ScenarioJson } from './test-sim.ts';

/** broker-a/0 (10.0.1.1), its slave broker-a/1 (10.0.1.2), and broker-b/0 (10.0.1.3). */
export const MASTER_SLAVE_BROKERS: readonly ScenarioJson[] = [
  { name: 'broker-a', ip: '10.0.1.1' },
  { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
  { name: 'broker-b', ip: '10.0.1.3' },
];

/** The same with broker-a/1 serving pulls while its master is gone: a 5.x slave refuses them without BrokerConfig.slaveReadEnable. */
export const READING_SLAVE_BROKERS: readonly ScenarioJson[] = MASTER_SLAVE_BROKERS.map((broker) => (broker.role === 'SLAVE' ? { ...broker, slaveReadEnable: true } : broker));

export interface ClusterOptions {
  durationMs: number;
  /** Added to (and overriding) `networkJitterMs: 0`. */
  config?: Record<string, unknown>;
  timeline?: unknown[];
}

export function masterSlaveCluster({ durationMs, config = {}, timeline = [] }: ClusterOptions): ScenarioJson {
  return {
    version: 1,
    durationMs,
    config: { networkJitterMs: 0, ...config },
    nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
    brokers: MASTER_SLAVE_BROKERS.map((broker) => ({ ...broker })),
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline,
  };
}
