/**
 * A CONFIG consumer's fixed queues (AllocateMessageQueueByConfig pulls each as written, whatever
 * the route says): each must name a broker, and a queue the topic can have there. A queue past
 * every count the file can give the topic on that broker is refused by each pull
 * (PullMessageProcessor: "queueId[...] is illegal"), and a run of such a consumer reads nothing.
 */
import { MASTER_ID } from '../model/defaults.ts';
import type { ConsumerSpec } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote, type Said } from './messages.ts';
import { SCENARIO_DEFAULTS, type Draft } from './normalize.ts';
import { allConsumers, NO_BROKER_NAMED, notFound, type Located } from './references.ts';
import { createsTopic } from './check-timeline.ts';
import type { RefusedFields } from './refused-fields.ts';
import type { ValidationError } from './validate.ts';

type QueueListed = Pick<ConsumerSpec, 'topic' | 'messageQueueList'>;

const NONE: ReadonlySet<string> = new Set();

export function checkQueueLists(draft: Draft, refused: RefusedFields): ValidationError[] {
  const brokers = brokerNames(draft);
  return configConsumers(draft, refused).flatMap(({ item, path }) => {
    const bounds = queueBounds(item.topic, draft, refused);
    return item.messageQueueList.flatMap((queue, k) => checkQueue(queue, [...path, 'messageQueueList', k], item.topic, brokers, bounds));
  });
}

/** The consumers that allocate by their list, the refused ones whose topic and list are right included. */
function configConsumers(draft: Draft, refused: RefusedFields): Array<Located<QueueListed>> {
  const valid = allConsumers(draft).filter(({ item }) => item.allocateStrategy === 'CONFIG');
  const read = refused.consumers.flatMap(({ item: { topic, allocateStrategy, messageQueueList }, path }) =>
    topic !== undefined && allocateStrategy === 'CONFIG' && messageQueueList !== undefined ? [{ item: { topic, messageQueueList }, path }] : []);
  return [...valid, ...read];
}

/** Every broker name, refused brokers' included; none when a broker's name is wrong (it might be the one meant). */
function brokerNames(draft: Draft): string[] | undefined {
  if (!draft.named.brokers) return undefined;
  return [...draft.brokers.flatMap((broker) => (broker ? [broker.name] : [])), ...draft.refused.brokers.map(({ item }) => item.name)];
}

function checkQueue(queue: string, path: Path, topic: string, brokers: string[] | undefined, bounds: Map<string, number> | undefined): ValidationError[] {
  if (brokers === undefined) return [];
  // The schema's queueRef: "brokerName:queueId", the name without a colon.
  const colon = queue.lastIndexOf(':');
  const brokerName = queue.slice(0, colon);
  const queueId = Number(queue.slice(colon + 1));
  if (!brokers.includes(brokerName)) return [problem(path, notFound(NO_BROKER_NAMED, brokerName, brokers))];
  const bound = bounds?.get(brokerName) ?? (bounds === undefined ? undefined : 0);
  if (bound === undefined || queueId < bound) return [];
  return [problem(path, notAQueue(queue, topic, brokerName, bound))];
}

function notAQueue(queue: string, topic: string, brokerName: string, bound: number): Said {
  const lead = { en: `${quote(queue)} is not a queue of topic ${quote(topic)}`, zh: `${quote(queue)} 不是主题 ${quote(topic)} 的队列` };
  if (bound === 0) return { en: `${lead.en}: the file never puts it on ${quote(brokerName)}`, zh: `${lead.zh}：这个文件从不把它放到 ${quote(brokerName)} 上` };
  return {
    en: `${lead.en}: the file gives it at most ${bound} read queues on ${quote(brokerName)} (0 to ${bound - 1}), and PullMessageProcessor refuses a pull past readQueueNums`,
    zh: `${lead.zh}：按这个文件，它在 ${quote(brokerName)} 上最多有 ${bound} 个读队列（0 到 ${bound - 1}），PullMessageProcessor 拒绝超出 readQueueNums 的拉取`,
  };
}

/**
 * The most read queues the topic can ever have on each broker that may have it, or undefined when
 * the file does not tell: the topic is not declared in `topics`, a broker or topic is refused, or
 * a refused timeline entry might change it. Over-counted where unsure (any updateTopic of the
 * topic counts on every broker), so a queue is refused only when no run can have it.
 */
function queueBounds(topic: string, draft: Draft, refused: RefusedFields): Map<string, number> | undefined {
  const declared = draft.topics.find((t) => t?.name === topic);
  if (declared === undefined || !draft.complete.topics || !draft.complete.brokers || refused.timelineUnread) return undefined;
  const updates = topicUpdates(draft, refused);
  // An updateTopic whose topic or read count is wrong might give this topic any count.
  if (updates.some(({ topic: named, malformed }) => named === undefined || (named === topic && malformed.has('readQueueNums')))) return undefined;
  const bounds = new Map<string, number>();
  const raise = (broker: string, count: number) => bounds.set(broker, Math.max(bounds.get(broker) ?? 0, count));
  const masters = draft.brokers.flatMap((b) => (b?.brokerId === MASTER_ID ? [b] : []));
  if (declared.brokers === undefined) {
    const cluster = declared.cluster ?? SCENARIO_DEFAULTS.cluster;
    for (const master of masters) if (master.cluster === cluster) raise(master.name, declared.readQueueNums);
  } else {
    for (const placement of declared.brokers) raise(placement.name, placement.readQueueNums);
  }
  const { config } = draft;
  // A producer that loses the topic's route sends by TBW102's, and a broker without the topic
  // creates it (TopicConfigManager.createTopicInSendMessageMethod, at most the producer's count).
  if (config.autoCreateTopicEnable) for (const master of masters) if (!bounds.has(master.name)) raise(master.name, config.producerDefaultTopicQueueNums);
  for (const update of updates.filter((u) => u.topic === topic)) {
    // Creating without a read count takes mqadmin's.
    const count = update.readQueueNums ?? (createsTopic(update, update.malformed) ? config.topicQueueNums : undefined);
    if (count !== undefined) for (const master of masters) raise(master.name, count);
  }
  return bounds;
}

/** Every updateTopic of the timeline, valid or refused, with the fields it has wrong. */
function topicUpdates(draft: Draft, refused: RefusedFields) {
  return [
    ...draft.timeline.map(({ action }) => ({ action, malformed: NONE })),
    ...refused.timeline.map(({ item, malformed }) => ({ action: item, malformed })),
  ].flatMap(({ action, malformed }) => (action.action === 'updateTopic' ? [{ ...action, malformed }] : []));
}
