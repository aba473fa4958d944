/**
 * Fills every default of a parsed scenario file. Items that failed validation stay as holes
 * (`undefined`) so that the cross-checks can still name items by their position in the file.
 */
import { BROKER_PORT, MASTER_ID, resolveConfig, type SimConfig } from '../model/defaults.ts';
import type {
  BrokerSpec, ConsumerSpec, ControllerSpec, NameServerSpec, ProducerSpec, Scenario, TimelineAction, TopicSpec,
} from '../model/spec.ts';
import type { MessageModel } from '../model/vocabulary.ts';
import type { FileParts, RefusedNames, Slots } from './parse-file.ts';
import type {
  BrokerFile, ConsumerFile, ListName, NameServerFile, ProducerFile, TimelineFile, TopicFile,
} from './schema.ts';

/** The defaults of the file's own fields (the README lists them with the RocketMQ ones). */
export const SCENARIO_DEFAULTS = {
  name: 'Untitled scenario',
  description: '',
  seed: 1,
  /** Five minutes: long enough for a broker to expire (120 s) and routes to refresh (30 s). */
  durationMs: 300_000,
  /** BrokerConfig.brokerClusterName, and where a topic with neither cluster nor brokers goes. */
  cluster: 'DefaultCluster',
} as const;

/** DefaultMQPushConsumer.messageModel. */
export const DEFAULT_MESSAGE_MODEL: MessageModel = 'CLUSTERING';

/** Default ips: a /24 per kind of process, so a trace shows at a glance who is who. */
const SUBNET = { nameServer: 0, broker: 1, consumer: 2, producer: 3, controller: 4 } as const;

/**
 * `10.0.<subnet>.<index + 1>`; past 254 hosts the second octet counts blocks of 254
 * (10.1.<subnet>.1 ...), so every default ip stays valid and unique up to the list bounds.
 */
function defaultIp(subnet: number, index: number): string {
  return `10.${Math.floor(index / 254)}.${subnet}.${(index % 254) + 1}`;
}

interface TimelineSlot {
  /** Position in the file's `timeline`, for error paths. */
  index: number;
  action: TimelineAction;
}

/** A scenario with every default filled, items that failed validation left as holes. */
export interface Draft extends Omit<Scenario, 'nameServers' | 'controllers' | 'brokers' | 'topics' | 'producers' | 'consumers' | 'timeline'> {
  nameServers: Slots<NameServerSpec>;
  controllers: Slots<ControllerSpec>;
  brokers: Slots<BrokerSpec>;
  topics: Slots<TopicSpec>;
  producers: Slots<ProducerSpec>;
  consumers: Slots<ConsumerSpec>;
  /** The valid timeline entries, stably sorted by `at`. */
  timeline: TimelineSlot[];
  /** Lists whose every item is valid: references into an incomplete list are not checked. */
  complete: Record<ListName, boolean>;
  /** The names of the refused items: the checks of names count them (parse-file.ts). */
  refused: RefusedNames;
  /** Lists whose every item has its name, refused ones included (parse-file.ts). */
  named: FileParts['named'];
}

export function normalize(parts: FileParts): Draft {
  const { head } = parts;
  const config = resolveConfig(withoutUndefined(head.config ?? {}));
  return {
    version: 1,
    name: head.name ?? SCENARIO_DEFAULTS.name,
    description: head.description ?? SCENARIO_DEFAULTS.description,
    ...(head.translations ? { translations: head.translations } : {}),
    ...(head.focus ? { focus: head.focus } : {}),
    seed: head.seed ?? SCENARIO_DEFAULTS.seed,
    durationMs: head.durationMs ?? SCENARIO_DEFAULTS.durationMs,
    config,
    nameServers: parts.nameServers.map((item, i) => item && nameServer(item, i)),
    controllers: parts.controllers.map((item, i) => item && { id: item.id, ip: item.ip ?? defaultIp(SUBNET.controller, i), startAt: item.startAt ?? 0 }),
    brokers: parts.brokers.map((item, i) => item && broker(item, i)),
    topics: parts.topics.map((item) => item && topic(item, config)),
    producers: parts.producers.map((item, i) => item && producer(item, i, config)),
    consumers: parts.consumers.map((item, i) => item && consumer(item, i, config)),
    timeline: timeline(parts.timeline, { producers: parts.producers.length, consumers: parts.consumers.length }, config),
    complete: parts.complete,
    refused: parts.refused,
    named: parts.named,
  };
}

/** The Scenario of a draft without holes (validate.ts calls it only when nothing was reported). */
export function finalize(draft: Draft): Scenario {
  return {
    version: draft.version,
    name: draft.name,
    description: draft.description,
    ...(draft.translations ? { translations: draft.translations } : {}),
    ...(draft.focus ? { focus: draft.focus } : {}),
    seed: draft.seed,
    durationMs: draft.durationMs,
    config: draft.config,
    nameServers: draft.nameServers.filter(isDefined),
    ...(draft.controllers.length > 0 ? { controllers: draft.controllers.filter(isDefined) } : {}),
    brokers: draft.brokers.filter(isDefined),
    topics: draft.topics.filter(isDefined),
    producers: draft.producers.filter(isDefined),
    consumers: draft.consumers.filter(isDefined),
    timeline: draft.timeline.map((slot) => slot.action),
  };
}

function isDefined<T>(item: T | undefined): item is T {
  return item !== undefined;
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops keys set to `undefined` (possible from code, not from JSON): an absent field means "default". */
export function withoutUndefined<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Defined<T>;
}

function nameServer(item: NameServerFile, index: number): NameServerSpec {
  return { id: item.id, ip: item.ip ?? defaultIp(SUBNET.nameServer, index), startAt: item.startAt ?? 0 };
}

function broker(item: BrokerFile, index: number): BrokerSpec {
  const brokerId = item.brokerId ?? MASTER_ID;
  return {
    name: item.name,
    cluster: item.cluster ?? SCENARIO_DEFAULTS.cluster,
    brokerId,
    // BrokerConfig.brokerRole defaults to ASYNC_MASTER; a numbered broker can only be a slave.
    role: item.role ?? (brokerId === MASTER_ID ? 'ASYNC_MASTER' : 'SLAVE'),
    flushDiskType: item.flushDiskType ?? 'ASYNC_FLUSH', // MessageStoreConfig.flushDiskType
    inSyncReplicas: item.inSyncReplicas ?? 1, // MessageStoreConfig.inSyncReplicas
    minInSyncReplicas: item.minInSyncReplicas ?? 1, // MessageStoreConfig.minInSyncReplicas
    enableSlaveActingMaster: item.enableSlaveActingMaster ?? false, // BrokerConfig.enableSlaveActingMaster
    slaveReadEnable: item.slaveReadEnable ?? false, // BrokerConfig.slaveReadEnable
    ip: item.ip ?? defaultIp(SUBNET.broker, index),
    port: item.port ?? BROKER_PORT,
    startAt: item.startAt ?? 0,
  };
}

/** mqadmin updateTopic: 8 read and 8 write queues, perm 6, unless the file or config says otherwise. */
function topic(item: TopicFile, config: SimConfig): TopicSpec {
  const counts = {
    writeQueueNums: item.writeQueueNums ?? config.topicQueueNums,
    readQueueNums: item.readQueueNums ?? config.topicQueueNums,
    perm: item.perm ?? config.topicPerm,
  };
  if (item.brokers === undefined) return { name: item.name, cluster: item.cluster ?? SCENARIO_DEFAULTS.cluster, ...counts };
  const brokers = item.brokers.map((placement) => ({
    name: placement.name,
    writeQueueNums: placement.writeQueueNums ?? counts.writeQueueNums,
    readQueueNums: placement.readQueueNums ?? counts.readQueueNums,
    perm: placement.perm ?? counts.perm,
  }));
  return { name: item.name, ...counts, brokers };
}

function producer(item: ProducerFile, ipIndex: number, config: SimConfig): ProducerSpec {
  return {
    id: item.id,
    group: item.group,
    topic: item.topic,
    ratePerSec: item.ratePerSec ?? 1, // one message a second: slow enough to follow by eye
    arrival: item.arrival ?? 'constant', // evenly spaced, so a run reads like a metronome
    tags: item.tags ?? [], // untagged messages
    keyPrefix: item.keyPrefix ?? '', // no message keys
    sendMode: item.sendMode ?? 'SYNC', // DefaultMQProducer.send(msg) is synchronous
    startAt: item.startAt ?? 0, // every process starts at time 0 unless the file says otherwise
    delayLevel: item.delayLevel ?? 0, // Message.delayTimeLevel 0: delivered at once
    bodyBytes: item.bodyBytes ?? config.messageBodyBytes,
    ip: item.ip ?? defaultIp(SUBNET.producer, ipIndex),
    // ClientConfig.instanceName is "DEFAULT" in RocketMQ; one per client keeps each its own MQClientInstance.
    instanceName: item.instanceName ?? item.id,
  };
}

function consumer(item: ConsumerFile, ipIndex: number, config: SimConfig): ConsumerSpec {
  return {
    id: item.id,
    group: item.group,
    topic: item.topic,
    // FilterAPI.buildSubscriptionData reads no expression and "" as SubscriptionData.SUB_ALL.
    subscription: item.subscription === undefined || item.subscription === '' ? '*' : item.subscription,
    messageModel: item.messageModel ?? DEFAULT_MESSAGE_MODEL,
    allocateStrategy: item.allocateStrategy ?? 'AVG', // AllocateMessageQueueAveragely
    consumeFromWhere: item.consumeFromWhere ?? 'CONSUME_FROM_LAST_OFFSET', // DefaultMQPushConsumer.consumeFromWhere
    startAt: item.startAt ?? 0,
    consumeTimeMs: item.consumeTimeMs ?? config.consumeTimeMs,
    failureRate: item.failureRate ?? 0, // every message consumed successfully
    failTags: item.failTags ?? [],
    ip: item.ip ?? defaultIp(SUBNET.consumer, ipIndex),
    instanceName: item.instanceName ?? item.id,
    // Used only by the CONFIG and MACHINE_ROOM strategies, which the schema makes list something.
    messageQueueList: item.messageQueueList ?? [],
    consumeridcs: item.consumeridcs ?? [],
  };
}

/**
 * Sorts the valid entries by `at` (Array.prototype.sort is stable: ties keep file order) and
 * gives clients added in the timeline the default ips after the initial ones, in that order.
 */
function timeline(entries: Slots<TimelineFile>, initial: { producers: number; consumers: number }, config: SimConfig): TimelineSlot[] {
  const next = { ...initial };
  return entries
    .flatMap((entry, index) => (entry === undefined ? [] : [{ index, entry }]))
    .sort((a, b) => a.entry.at - b.entry.at)
    .map(({ index, entry }) => ({ index, action: timelineAction(entry, next, config) }));
}

function timelineAction(entry: TimelineFile, next: { producers: number; consumers: number }, config: SimConfig): TimelineAction {
  switch (entry.action) {
    case 'addProducer':
      return { at: entry.at, action: entry.action, producer: producer(entry.producer, next.producers++, config) };
    case 'addConsumer':
      return { at: entry.at, action: entry.action, consumer: consumer(entry.consumer, next.consumers++, config) };
    case 'crashBroker': case 'powerOffBroker': case 'partitionBroker': case 'healPartition': case 'shutdownBroker': case 'startBroker': {
      const { brokerId, ...rest } = entry;
      return brokerId === undefined ? rest : { ...rest, brokerId };
    }
    case 'updateTopic': {
      const { at, action, topic: name, ...changes } = entry;
      return { at, action, topic: name, ...withoutUndefined(changes) };
    }
    case 'crashNameServer': case 'startNameServer': case 'partitionLink': case 'healLink': case 'removeConsumer':
    case 'removeProducer': case 'crashConsumer': case 'hangConsumer': case 'setProducerRate':
      return entry;
    case 'wipeWritePerm': case 'addWritePerm': {
      const { nameServers, ...rest } = entry;
      return nameServers === undefined ? rest : { ...rest, nameServers };
    }
  }
}
