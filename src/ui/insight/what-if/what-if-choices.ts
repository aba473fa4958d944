/**
 * The settings a what-if offers for a scenario, with their values in it: each topic's queue
 * counts and perm, each group's allocation strategy and number of consumers (at the playhead),
 * each producer's rate and send mode, each master's
 * replication and each broker's flush mode, whether a 5.x slave serves pulls, the version, and the config RocketMQ's processes
 * read when they start (what-if-config.ts; src/sim/queries/what-if-change.ts says when each takes
 * effect).
 */
import { groupSizeAt } from '../../../sim/queries/what-if-consumers.ts';
import {
  ALLOCATE_STRATEGIES, everyConsumer, everyProducer, FLUSH_DISK_TYPES, ROCKETMQ_VERSIONS, SEND_MODES, type Scenario, type TopicSpec,
} from '../../../sim/index.ts';
import { TOPIC_PERMS } from '../../perm.ts';
import { configChoices } from './what-if-config.ts';
import { countsAt } from '../../../sim/queries/update-topic-command.ts';

export interface WhatIfChoice {
  path: string;
  /** None for a setting the form shows only because the what-if on screen changes it (WhatIfForm). */
  current?: number | string;
  /**
   * The value the form offers first, never the current one (a comparison with it would show two
   * equal runs): the fix or the pitfall the setting is known for, else a nearby value.
   */
  suggested: number | string;
  /** The values to pick from; none for a number typed in. */
  options?: readonly string[];
}

/** A topic's counts and perm on one broker (TopicConfig). */
type QueueCounts = Pick<TopicSpec, 'writeQueueNums' | 'readQueueNums' | 'perm'>;

/** A topic's perms as the form's option values. */
const PERMS: readonly string[] = TOPIC_PERMS.map(String);

/** The strategies that need no lists of their own (CONFIG and MACHINE_ROOM need them in the file). */
const STRATEGIES = ALLOCATE_STRATEGIES.filter((s) => s !== 'CONFIG' && s !== 'MACHINE_ROOM');

/** A topic's queue counts and perm at the playhead, as the form offers them: its first broker's where they differ per broker. */
function countsOf(scenario: Scenario, topic: TopicSpec, atMs: number): QueueCounts {
  return countsAt(scenario, topic, atMs).values().next().value ?? topic;
}

/** An option other than the current one: the next in the list. */
function otherOption(options: readonly string[], current: string): string {
  return options[(options.indexOf(current) + 1) % options.length]!;
}

function optionChoice(path: string, current: string, options: readonly string[]): WhatIfChoice {
  return { path, current, suggested: otherOption(options, current), options };
}

/**
 * A topic's queue counts and perm. Counts that differ are offered equal (the safe fix
 * Diagnostics gives); equal counts, fewer read queues than write queues (the pitfall of
 * write 8 / read 4). Perm 6 is offered as 4, read-only: the way to drain a broker's queues.
 */
function topicChoices(name: string, { writeQueueNums: write, readQueueNums: read, perm }: QueueCounts): WhatIfChoice[] {
  return [
    { path: `topics.${name}.writeQueueNums`, current: write, suggested: write !== read ? read : 2 * write },
    { path: `topics.${name}.readQueueNums`, current: read, suggested: write !== read ? write : Math.max(1, read >> 1) },
    { path: `topics.${name}.perm`, current: perm, suggested: String(perm === 6 ? 4 : 6), options: PERMS.includes(String(perm)) ? PERMS : [String(perm), ...PERMS] },
  ];
}

/** `atMs`: the playhead, where the fork would be (the number of consumers running then). */
export function whatIfChoices(scenario: Scenario, atMs = 0): WhatIfChoice[] {
  const choices: WhatIfChoice[] = scenario.topics.flatMap((topic) => topicChoices(topic.name, countsOf(scenario, topic, atMs)));
  const groups = new Map(everyConsumer(scenario).map((c) => [c.group, c.allocateStrategy]));
  for (const [group, strategy] of groups) choices.push(optionChoice(`groups.${group}.allocateStrategy`, strategy, STRATEGIES));
  for (const group of groups.keys()) {
    const current = groupSizeAt(scenario, group, atMs);
    choices.push({ path: `groups.${group}.consumers`, current, suggested: current + 1 });
  }
  for (const producer of everyProducer(scenario)) {
    choices.push({ path: `producers.${producer.id}.ratePerSec`, current: producer.ratePerSec, suggested: 2 * producer.ratePerSec });
    choices.push(optionChoice(`producers.${producer.id}.sendMode`, producer.sendMode, SEND_MODES));
  }
  // In controller mode the controller picks the master and ReplicasManager.changeToMaster makes it
  // SYNC_MASTER whichever node it is, so the declared master's role changes nothing.
  for (const broker of scenario.config.enableControllerMode ? [] : scenario.brokers) {
    if (broker.brokerId === 0) choices.push(optionChoice(`brokers.${broker.name}.role`, broker.role, ['ASYNC_MASTER', 'SYNC_MASTER']));
  }
  for (const broker of scenario.brokers) {
    if (broker.brokerId === 0) choices.push(optionChoice(`brokers.${broker.name}.flushDiskType`, broker.flushDiskType, FLUSH_DISK_TYPES));
  }
  // A 4.x slave serves pulls whatever the setting says (4.9.8's rejectRequest is always false).
  if (scenario.config.rocketmqVersion !== '4.x') {
    const withSlaves = new Map(scenario.brokers.filter((broker) => broker.brokerId !== 0).map((slave) => [slave.name, slave.slaveReadEnable]));
    for (const [name, enabled] of withSlaves) choices.push(optionChoice(`brokers.${name}.slaveReadEnable`, String(enabled), ['true', 'false']));
  }
  // Controller mode exists only in 5.x (BrokerConfig.enableControllerMode): the scenario rules refuse 4.x with it.
  if (!scenario.config.enableControllerMode) choices.push(optionChoice('config.rocketmqVersion', scenario.config.rocketmqVersion, ROCKETMQ_VERSIONS));
  return [...choices, ...configChoices(scenario)];
}

/** The setting the form opens on: the read queue count of a topic whose counts differ (the lesson of such a scenario), else the first. */
export function firstChoice(scenario: Scenario, choices: readonly WhatIfChoice[], atMs = 0): WhatIfChoice | undefined {
  const uneven = scenario.topics.find((topic) => {
    const { writeQueueNums, readQueueNums } = countsOf(scenario, topic, atMs);
    return writeQueueNums !== readQueueNums;
  });
  return choices.find((choice) => uneven !== undefined && choice.path === `topics.${uneven.name}.readQueueNums`) ?? choices[0];
}
