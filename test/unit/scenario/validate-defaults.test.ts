import { resolveConfig, ROCKETMQ_DEFAULTS, type SimConfig } from '../../../src/model/defaults.ts';
import type { Scenario, TimelineAction } from '../../../src/model/spec.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

const CONTRACT_EXAMPLE = {
  version: 1,
  name: 'Write 8 / read 4',
  description: 'Why half of the messages are not consumed',
  seed: 42,
  durationMs: 300000,
  config: { brokerHeartbeatIntervalMs: 30000 },
  nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
  brokers: [
    { name: 'broker-a', cluster: 'DefaultCluster', brokerId: 0, role: 'ASYNC_MASTER', flushDiskType: 'ASYNC_FLUSH', ip: '10.0.0.11', port: 10911 },
    { name: 'broker-a', cluster: 'DefaultCluster', brokerId: 1, role: 'SLAVE', ip: '10.0.0.12', port: 10911 },
  ],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4, perm: 6, cluster: 'DefaultCluster' }],
  producers: [{ id: 'p-1', group: 'PG_ORDER', topic: 'TopicTest', ratePerSec: 10, tags: ['TagA', 'TagB'], sendMode: 'SYNC', startAt: 1000 }],
  consumers: [{ id: 'c-1', group: 'CG_ORDER', topic: 'TopicTest', subscription: '*', messageModel: 'CLUSTERING', allocateStrategy: 'AVG', startAt: 1000 }],
  timeline: [{ at: 60000, action: 'crashBroker', target: 'broker-a' }],
};

describe('validateScenario: defaults', () => {
  it('fills every default of a minimal scenario', () => {
    const scenario = valid({
      version: 1,
      nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
      brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1 }],
      topics: [{ name: 'TopicTest' }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    });
    expect(scenario).toEqual({
      version: 1,
      name: 'Untitled scenario',
      description: '',
      seed: 1,
      durationMs: 300_000,
      config: ROCKETMQ_DEFAULTS,
      nameServers: [
        { id: 'ns-1', ip: '10.0.0.1', startAt: 0 },
        { id: 'ns-2', ip: '10.0.0.2', startAt: 0 },
      ],
      brokers: [
        { name: 'broker-a', cluster: 'DefaultCluster', brokerId: 0, role: 'ASYNC_MASTER', flushDiskType: 'ASYNC_FLUSH', inSyncReplicas: 1, minInSyncReplicas: 1, enableSlaveActingMaster: false, slaveReadEnable: false, ip: '10.0.1.1', port: 10911, startAt: 0 },
        { name: 'broker-a', cluster: 'DefaultCluster', brokerId: 1, role: 'SLAVE', flushDiskType: 'ASYNC_FLUSH', inSyncReplicas: 1, minInSyncReplicas: 1, enableSlaveActingMaster: false, slaveReadEnable: false, ip: '10.0.1.2', port: 10911, startAt: 0 },
      ],
      topics: [{ name: 'TopicTest', cluster: 'DefaultCluster', writeQueueNums: 8, readQueueNums: 8, perm: 6 }],
      producers: [{
        id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, arrival: 'constant', tags: [], keyPrefix: '', sendMode: 'SYNC',
        startAt: 0, delayLevel: 0, bodyBytes: 1024, ip: '10.0.3.1', instanceName: 'p-1',
      }],
      consumers: [{
        id: 'c-1', group: 'CG', topic: 'TopicTest', subscription: '*', messageModel: 'CLUSTERING', allocateStrategy: 'AVG',
        consumeFromWhere: 'CONSUME_FROM_LAST_OFFSET', startAt: 0, consumeTimeMs: 5, failureRate: 0, failTags: [], ip: '10.0.2.1',
        instanceName: 'c-1', messageQueueList: [], consumeridcs: [],
      }],
      timeline: [],
    } satisfies Scenario);
  });

  it('accepts a file with nothing but its version', () => {
    expect(valid({ version: 1 })).toMatchObject({ name: 'Untitled scenario', nameServers: [], brokers: [], timeline: [] });
  });

  it('validates the example of docs/scenario.md and keeps what it says', () => {
    const scenario = valid(CONTRACT_EXAMPLE);
    expect(scenario.brokers.map((b) => [b.brokerId, b.role, b.ip, b.flushDiskType])).toEqual([
      [0, 'ASYNC_MASTER', '10.0.0.11', 'ASYNC_FLUSH'],
      [1, 'SLAVE', '10.0.0.12', 'ASYNC_FLUSH'],
    ]);
    expect(scenario.topics[0]).toEqual({ name: 'TopicTest', cluster: 'DefaultCluster', writeQueueNums: 8, readQueueNums: 4, perm: 6 });
    expect(scenario.producers[0]).toMatchObject({ ratePerSec: 10, tags: ['TagA', 'TagB'], startAt: 1000, ip: '10.0.3.1' });
    expect(scenario.timeline).toEqual([{ at: 60000, action: 'crashBroker', target: 'broker-a' }]);
  });

  it('resolves config over RocketMQ defaults, the 4.x values included', () => {
    const scenario = valid({ version: 1, config: { rocketmqVersion: '4.x', networkLatencyMs: 7 } });
    expect(scenario.config).toEqual(resolveConfig({ rocketmqVersion: '4.x', networkLatencyMs: 7 }));
    expect(scenario.config.scanNotActiveBrokerIntervalMs).toBe(10_000);
  });

  it('reads maxReconsumeTimes -1, DefaultMQPushConsumer\'s own default, as 16 (DefaultMQPushConsumerImpl.getMaxReconsumeTimes), and refuses -2', () => {
    expect(valid({ version: 1, config: { maxReconsumeTimes: -1 } }).config.maxReconsumeTimes).toBe(16);
    expect(valid({ version: 1, config: { maxReconsumeTimes: 2 } }).config.maxReconsumeTimes).toBe(2);
    const refused = validateScenario({ version: 1, config: { maxReconsumeTimes: -2 } });
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['config.maxReconsumeTimes: must be an integer from -1 to 100']);
  });

  it('takes topic counts from config.topicQueueNums and config.topicPerm', () => {
    const scenario = valid({ version: 1, config: { topicQueueNums: 4, topicPerm: 4 }, brokers: [{ name: 'b' }], topics: [{ name: 'T' }] });
    expect(scenario.topics[0]).toEqual({ name: 'T', cluster: 'DefaultCluster', writeQueueNums: 4, readQueueNums: 4, perm: 4 });
  });

  it('gives each broker of a broker-mode topic the topic\'s own counts unless it has its own', () => {
    const scenario = valid({
      version: 1,
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'T', writeQueueNums: 6, perm: 2, brokers: [{ name: 'broker-a' }, { name: 'broker-b', readQueueNums: 2 }] }],
    });
    expect(scenario.topics[0]).toEqual({
      name: 'T', writeQueueNums: 6, readQueueNums: 8, perm: 2,
      brokers: [
        { name: 'broker-a', writeQueueNums: 6, readQueueNums: 8, perm: 2 },
        { name: 'broker-b', writeQueueNums: 6, readQueueNums: 2, perm: 2 },
      ],
    });
  });

  it('takes bodyBytes and consumeTimeMs from config', () => {
    const scenario = valid({
      version: 1,
      config: { messageBodyBytes: 100, consumeTimeMs: 9 },
      producers: [{ id: 'p', group: 'g', topic: 'T' }],
      consumers: [{ id: 'c', group: 'g', topic: 'T' }],
    });
    expect([scenario.producers[0]?.bodyBytes, scenario.consumers[0]?.consumeTimeMs]).toEqual([100, 9]);
  });

  it('sorts the timeline by time, keeping the file order of equal times', () => {
    const scenario = valid({
      version: 1,
      nameServers: [{ id: 'ns-1' }],
      brokers: [{ name: 'b' }],
      timeline: [
        { at: 500, action: 'crashNameServer', target: 'ns-1' },
        { at: 100, action: 'crashBroker', target: 'b' },
        { at: 500, action: 'startNameServer', target: 'ns-1' },
        { at: 100, action: 'startBroker', target: 'b', brokerId: 0 },
      ],
    });
    expect(scenario.timeline).toEqual([
      { at: 100, action: 'crashBroker', target: 'b' },
      { at: 100, action: 'startBroker', target: 'b', brokerId: 0 },
      { at: 500, action: 'crashNameServer', target: 'ns-1' },
      { at: 500, action: 'startNameServer', target: 'ns-1' },
    ] satisfies TimelineAction[]);
  });

  it('numbers the default ips of clients added in the timeline after the initial ones, in timeline order', () => {
    const scenario = valid({
      version: 1,
      producers: [{ id: 'p-1', group: 'g', topic: 'T' }, { id: 'p-2', group: 'g', topic: 'T', ip: '192.168.0.9' }],
      consumers: [{ id: 'c-1', group: 'g', topic: 'T' }],
      timeline: [
        { at: 2000, action: 'addProducer', producer: { id: 'p-late', group: 'g', topic: 'T' } },
        { at: 1000, action: 'addProducer', producer: { id: 'p-early', group: 'g', topic: 'T' } },
        { at: 1500, action: 'addConsumer', consumer: { id: 'c-2', group: 'g', topic: 'T' } },
      ],
    });
    const ips = scenario.timeline.map((entry) => (entry.action === 'addProducer' ? entry.producer.ip : entry.action === 'addConsumer' ? entry.consumer.ip : ''));
    expect(scenario.producers.map((p) => p.ip)).toEqual(['10.0.3.1', '192.168.0.9']);
    expect(ips).toEqual(['10.0.3.3', '10.0.2.2', '10.0.3.4']);
  });

  it('keeps default ips valid and distinct past 254 clients', () => {
    const producers = Array.from({ length: 300 }, (_, i) => ({ id: `p-${i}`, group: 'g', topic: 'T' }));
    const ips = valid({ version: 1, producers }).producers.map((p) => p.ip);
    expect(ips[253]).toBe('10.0.3.254');
    expect(ips[254]).toBe('10.1.3.1');
    expect(new Set(ips).size).toBe(300);
  });

  it('leaves out optional timeline fields that the file leaves out', () => {
    const scenario = valid({
      version: 1,
      brokers: [{ name: 'b' }],
      topics: [{ name: 'T' }],
      timeline: [{ at: 1, action: 'updateTopic', topic: 'T', readQueueNums: 4 }],
    });
    expect(scenario.timeline).toEqual([{ at: 1, action: 'updateTopic', topic: 'T', readQueueNums: 4 }]);
    expect(Object.keys(scenario.timeline[0] ?? {})).not.toContain('broker');
  });

  it('reads an empty subscription as "*", as FilterAPI.buildSubscriptionData does', () => {
    const scenario = valid({ version: 1, consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', subscription: '' }] });
    expect(scenario.consumers[0]!.subscription).toBe('*');
  });

  it('allows a client to use a topic that is not declared (auto-created from TBW102)', () => {
    expect(validateScenario({ version: 1, producers: [{ id: 'p', group: 'g', topic: 'Undeclared' }] }).ok).toBe(true);
  });

  it('ignores config keys set to undefined by code instead of spreading them over the defaults', () => {
    const config: Partial<Record<keyof SimConfig, undefined>> = { networkLatencyMs: undefined };
    expect(valid({ version: 1, config }).config.networkLatencyMs).toBe(ROCKETMQ_DEFAULTS.networkLatencyMs);
  });
});
