/**
 * The mqadmin updateTopic an operator would type for a what-if's change of a topic's counts or perm
 * (UpdateTopicSubCommand), with `-n` the scenario's NameServers. `-c` the topic's cluster (every
 * master of it), else `-b` each broker that has it, one command each: the tool needs one of the two. `-w`, `-r` and `-p` are all given, each as
 * it stands at the fork but the one changed, because an option left out is not "unchanged": the tool
 * sends a whole TopicConfig whose counts default to 8 and perm to 6, so `-p 4` alone on a topic of
 * read 4 would raise it to 8. The simulation's updateTopic changes only the fields it names.
 */
import { MASTER_ID, NAMESRV_PORT } from '../../model/defaults.ts';
import type { Scenario, TopicSpec } from '../../model/spec.ts';
import { shellWord } from '../shell-word.ts';

/** What updateTopic sets, in mqadmin's order of -w, -r, -p. */
const TOPIC_FIELDS = ['writeQueueNums', 'readQueueNums', 'perm'] as const;
export type TopicField = typeof TOPIC_FIELDS[number];

export function isTopicField(field: string): field is TopicField {
  return (TOPIC_FIELDS as readonly string[]).includes(field);
}

type Counts = Record<TopicField, number>;

const FLAGS: Record<TopicField, string> = { writeQueueNums: '-w', readQueueNums: '-r', perm: '-p' };

/** Each broker's counts of the topic once the timeline's updateTopics up to `atMs` have run (cluster mode: one entry, the cluster's). */
export function countsAt(scenario: Scenario, topic: TopicSpec, atMs: number): Map<string, Counts> {
  const own = ({ writeQueueNums, readQueueNums, perm }: Counts): Counts => ({ writeQueueNums, readQueueNums, perm });
  const counts = new Map<string, Counts>(topic.brokers?.length ? topic.brokers.map((broker) => [broker.name, own(broker)]) : [['', own(topic)]]);
  for (const action of scenario.timeline) {
    if (action.action !== 'updateTopic' || action.topic !== topic.name || action.at > atMs) continue;
    for (const [broker, entry] of counts) {
      if (action.broker !== undefined && broker !== '' && action.broker !== broker) continue;
      for (const field of TOPIC_FIELDS) entry[field] = action[field] ?? entry[field];
    }
  }
  return counts;
}

/**
 * mqadmin's -n: the scenario's NameServers, ';'-separated as the tool's help gives them
 * (MQAdminStartup's namesrvAddr option), so that a command pasted into a shell without
 * NAMESRV_ADDR set does not fail with "connect to null failed". Empty when there is none.
 */
export function namesrvOption(scenario: Pick<Scenario, 'nameServers'>): string {
  const addrs = scenario.nameServers.map((ns) => `${ns.ip}:${NAMESRV_PORT}`).join(';');
  return addrs === '' ? '' : `-n ${shellWord(addrs)}`;
}

function masterAddr(scenario: Scenario, brokerName: string): string {
  const master = scenario.brokers.find((broker) => broker.name === brokerName && broker.brokerId === MASTER_ID);
  return master ? `${master.ip}:${master.port}` : brokerName;
}

/** The commands, one per broker in broker mode; none for a topic the scenario lacks. */
export function updateTopicCommands(scenario: Scenario, topicName: string, field: TopicField, value: number, atMs: number): string[] {
  const topic = scenario.topics.find((candidate) => candidate.name === topicName);
  if (!topic) return [];
  return [...countsAt(scenario, topic, atMs)].map(([broker, counts]) => {
    const target = broker === '' ? `-c ${shellWord(topic.cluster ?? '')}` : `-b ${shellWord(masterAddr(scenario, broker))}`;
    const options = TOPIC_FIELDS.map((key) => `${FLAGS[key]} ${key === field ? value : counts[key]}`).join(' ');
    return `mqadmin updateTopic ${[namesrvOption(scenario), target].filter((option) => option !== '').join(' ')} -t ${shellWord(topicName)} ${options}`;
  });
}
