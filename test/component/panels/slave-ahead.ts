/**
 * A slave ahead of its restarted master: 100-byte bodies until the master loses power, 700-byte ones
 * after it is back, so the slave gets bytes from inside a message and its ReputMessageService stops
 * (src/model/broker/ha-service.ts).
 */
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

export const SLAVE_AHEAD = scenarioOf({
  version: 1, durationMs: 200_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a', role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }],
  topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20, bodyBytes: 100 }, { id: 'p-2', group: 'PG2', topic: 'TopicTest', ratePerSec: 5, bodyBytes: 700, startAt: 80_000 }],
  timeline: [
    { at: 59_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
    { at: 60_000, action: 'powerOffBroker', target: 'broker-a' },
    { at: 75_000, action: 'startBroker', target: 'broker-a' },
  ],
} as ScenarioJson);
