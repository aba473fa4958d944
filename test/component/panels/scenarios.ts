/**
 * Normalized scenarios built in code for the panel tests (no JSON validator involved), with
 * every field spelled out as src/scenario/normalize.ts would fill it.
 */
import { resolveConfig } from '../../../src/model/defaults.ts';
import type { BrokerSpec, ConsumerSpec, ProducerSpec, Scenario, TimelineAction, TopicSpec } from '../../../src/model/spec.ts';

function brokerSpec(name: string, index: number, brokerId = 0, slaveReadEnable = false): BrokerSpec {
  return {
    name, cluster: 'DefaultCluster', brokerId, role: brokerId === 0 ? 'ASYNC_MASTER' : 'SLAVE',
    flushDiskType: 'ASYNC_FLUSH', inSyncReplicas: 1, minInSyncReplicas: 1, enableSlaveActingMaster: false, slaveReadEnable, ip: `10.0.1.${index + 1}`, port: 10911, startAt: 0,
  };
}

export function producerSpec(id: string, topic: string, ratePerSec: number, index = 0): ProducerSpec {
  return {
    id, group: 'PG_ORDER', topic, ratePerSec, arrival: 'constant', tags: ['TagA'], keyPrefix: '', sendMode: 'SYNC',
    startAt: 1_000, delayLevel: 0, bodyBytes: 1_024, ip: `10.0.3.${index + 1}`, instanceName: id,
  };
}

export function consumerSpec(id: string, topic: string, group = 'CG_ORDER', index = 0): ConsumerSpec {
  return {
    id, group, topic, subscription: '*', messageModel: 'CLUSTERING', allocateStrategy: 'AVG',
    consumeFromWhere: 'CONSUME_FROM_LAST_OFFSET', startAt: 1_000, consumeTimeMs: 5, failureRate: 0, failTags: [],
    ip: `10.0.2.${index + 1}`, instanceName: id, messageQueueList: [], consumeridcs: [],
  };
}

export interface ScenarioOptions {
  writeQueueNums?: number;
  readQueueNums?: number;
  consumers?: number;
  brokers?: string[];
  slaves?: boolean;
  /** BrokerConfig.slaveReadEnable of the slaves: without it a 5.x slave refuses every pull. */
  slaveReadEnable?: boolean;
  timeline?: TimelineAction[];
  durationMs?: number;
}

/** Two NameServers, broker-a (and more), one topic, one producer at 10 msg/s, consumers in CG_ORDER. */
export function writeReadScenario(options: ScenarioOptions = {}): Scenario {
  const brokerNames = options.brokers ?? ['broker-a'];
  const brokers = brokerNames.flatMap((name, i) => (options.slaves ? [brokerSpec(name, 2 * i), brokerSpec(name, 2 * i + 1, 1, options.slaveReadEnable)] : [brokerSpec(name, i)]));
  const topic: TopicSpec = {
    name: 'TopicTest', cluster: 'DefaultCluster', perm: 6,
    writeQueueNums: options.writeQueueNums ?? 8, readQueueNums: options.readQueueNums ?? 4,
  };
  const consumers = Array.from({ length: options.consumers ?? 2 }, (_, i) => consumerSpec(`c-${i + 1}`, 'TopicTest', 'CG_ORDER', i));
  return {
    version: 1, name: 'Write 8 / read 4', description: 'Why half of the messages are not consumed', seed: 42,
    durationMs: options.durationMs ?? 300_000, config: resolveConfig({}),
    nameServers: [{ id: 'ns-1', ip: '10.0.0.1', startAt: 0 }, { id: 'ns-2', ip: '10.0.0.2', startAt: 0 }],
    brokers, topics: [topic], producers: [producerSpec('p-1', 'TopicTest', 10)], consumers,
    timeline: options.timeline ?? [],
  };
}
