/**
 * The settings a what-if offers for a scenario, with their values in it: each topic's queue
 * counts and perm, each group's allocation strategy and number of consumers (at the playhead),
 * each producer's rate, each master's
 * replication and each broker's flush mode, and the intervals and the version RocketMQ's
 * processes read when they start
 * (src/sim/queries/what-if-change.ts says when each takes effect).
 */
import { groupSizeAt } from '../../../sim/queries/what-if-consumers.ts';
import { ALLOCATE_STRATEGIES, FLUSH_DISK_TYPES, ROCKETMQ_VERSIONS, type ConfigKey, type Scenario } from '../../../sim/index.ts';

export interface WhatIfChoice {
  path: string;
  current: number | string;
  /** The values to pick from; none for a number typed in. */
  options?: readonly string[];
}

const CONFIG_KEYS: readonly ConfigKey[] = [
  'brokerHeartbeatIntervalMs', 'brokerChannelExpiredTimeMs', 'scanNotActiveBrokerIntervalMs', 'pollNameServerIntervalMs',
  'clientHeartbeatIntervalMs', 'rebalanceIntervalMs', 'persistConsumerOffsetIntervalMs', 'retryTimesWhenSendFailed',
];

/** The strategies that need no lists of their own (CONFIG and MACHINE_ROOM need them in the file). */
const STRATEGIES = ALLOCATE_STRATEGIES.filter((s) => s !== 'CONFIG' && s !== 'MACHINE_ROOM');

/** `atMs`: the playhead, where the fork would be (the number of consumers running then). */
export function whatIfChoices(scenario: Scenario, atMs = 0): WhatIfChoice[] {
  const choices: WhatIfChoice[] = [];
  for (const topic of scenario.topics) {
    const counts = topic.brokers?.[0] ?? topic;
    choices.push(
      { path: `topics.${topic.name}.writeQueueNums`, current: counts.writeQueueNums },
      { path: `topics.${topic.name}.readQueueNums`, current: counts.readQueueNums },
      { path: `topics.${topic.name}.perm`, current: counts.perm },
    );
  }
  const groups = new Map([...scenario.consumers, ...scenario.timeline.flatMap((a) => (a.action === 'addConsumer' ? [a.consumer] : []))].map((c) => [c.group, c.allocateStrategy]));
  for (const [group, strategy] of groups) choices.push({ path: `groups.${group}.allocateStrategy`, current: strategy, options: STRATEGIES });
  for (const group of groups.keys()) choices.push({ path: `groups.${group}.consumers`, current: groupSizeAt(scenario, group, atMs) });
  for (const producer of [...scenario.producers, ...scenario.timeline.flatMap((a) => (a.action === 'addProducer' ? [a.producer] : []))]) {
    choices.push({ path: `producers.${producer.id}.ratePerSec`, current: producer.ratePerSec });
  }
  // In controller mode the controller picks the master and ReplicasManager.changeToMaster makes it
  // SYNC_MASTER whichever node it is, so the declared master's role changes nothing.
  for (const broker of scenario.config.enableControllerMode ? [] : scenario.brokers) {
    if (broker.brokerId === 0) choices.push({ path: `brokers.${broker.name}.role`, current: broker.role, options: ['ASYNC_MASTER', 'SYNC_MASTER'] });
  }
  for (const broker of scenario.brokers) {
    if (broker.brokerId === 0) choices.push({ path: `brokers.${broker.name}.flushDiskType`, current: broker.flushDiskType, options: FLUSH_DISK_TYPES });
  }
  choices.push({ path: 'config.rocketmqVersion', current: scenario.config.rocketmqVersion, options: ROCKETMQ_VERSIONS });
  for (const key of CONFIG_KEYS) choices.push({ path: `config.${key}`, current: scenario.config[key] as number });
  return choices;
}
