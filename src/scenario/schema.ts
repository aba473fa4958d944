/**
 * The structure of a version-1 scenario file (docs/scenario.md), in zod/mini: zod 4's
 * functional API, whose unused parts the bundler drops (classic zod carries every method of
 * every schema into the page). Everything a file may leave out is optional here; normalize.ts
 * fills the defaults. Checks between sections (does this topic's cluster exist?) are in the
 * cross-check files.
 */
import { z } from 'zod/mini';
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type { TimelineActionName } from '../model/spec.ts';
import type { Language } from './language.ts';
import {
  ALLOCATE_STRATEGIES, ARRIVALS, BROKER_ROLES, CONSUME_FROM_WHERE, FLUSH_DISK_TYPES, FOCUS_PANELS, MESSAGE_MODELS, SEND_MODES,
} from '../model/vocabulary.ts';
import { configSchema } from './config-schema.ts';
import {
  AN_OBJECT, TRUE_OR_FALSE, allOf, anyText, brokerId, brokerName, choice, consumerGroupName, createdTopicName, decimal, integer, ipv4, list, perm,
  producerGroupName, queueNums, queueRef, ratePerSec, sendTopicName, strict, subscriptionExpression, text, topicName, withoutHiddenCharacters,
  withoutOuterWhitespace,
} from './fields.ts';
import { carried, quote, says, suggestion, type Said } from './messages.ts';

const HOUR = 3_600_000;
const MAX_TAGS = SCENARIO_BOUNDS.tagsPerProducer;
/** ScheduleMessageService: messageDelayLevel has 18 levels. */
const MAX_DELAY_LEVEL = 18;
/** DefaultMQProducer.maxMessageSize: 4 MiB. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** A broker group has at most this many replicas: the master and slaves 1 to 1023 (see brokerId). */
const MAX_REPLICAS = 1_024;
/** The PRNG is seeded with an unsigned 32-bit integer. */
const MAX_SEED = 0xffff_ffff;
const TAGS: Said = { en: 'tags', zh: '标签' };


/**
 * For a check between the fields of one object: zod skips a check once a field had a problem,
 * which would hide this one until that field is mended (a fraction in writeQueueNums hid
 * "cluster" with "brokers"). The checks below read only which fields are present, or compare a
 * field with a fixed value, so they run on any object; every problem is listed at once.
 */
const ON_ANY_OBJECT = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) };

/** Given and not an empty list: a value that is no list at all has its own problem already. */
function listsSome(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** Top-level lists and their bounds (docs/scenario.md, "Bounds"). */
export const LISTS = {
  nameServers: { max: SCENARIO_BOUNDS.nameServers, what: { en: 'NameServers', zh: ' NameServer' } },
  controllers: {
    max: SCENARIO_BOUNDS.controllers,
    what: { en: "controller (RocketScope runs one: the leader of RocketMQ's Raft group of controllers)", zh: ' controller（RocketScope 只运行一个：RocketMQ 的 Raft controller 组的 leader）' },
  },
  brokers: { max: SCENARIO_BOUNDS.brokers, what: { en: 'brokers', zh: ' Broker' } },
  topics: { max: SCENARIO_BOUNDS.topics, what: { en: 'topics', zh: '主题' } },
  producers: { max: SCENARIO_BOUNDS.producers, what: { en: 'producers', zh: '生产者' } },
  consumers: { max: SCENARIO_BOUNDS.consumers, what: { en: 'consumers', zh: '消费者' } },
  timeline: { max: SCENARIO_BOUNDS.timeline, what: { en: 'timeline actions', zh: '时间线动作' } },
} as const satisfies Record<string, { max: number; what: Said }>;
export type ListName = keyof typeof LISTS;

export const versionSchema = z.literal(1, {
  error: (issue) => carried(issue.input === undefined ? { en: 'is required: write "version": 1', zh: '必须填写：写上 "version": 1' } : versionMessage(issue.input)),
});

export function versionMessage(version: unknown): Said {
  return typeof version === 'number'
    ? { en: `unsupported version ${version}: this RocketScope reads version 1`, zh: `不支持的版本 ${version}：这个 RocketScope 读取版本 1` }
    : { en: 'must be the number 1', zh: '必须是数字 1' };
}

/** The scalar fields of the file, besides `version`. */
const AT_MOST_A_DAY = { en: 'at most 24 h of virtual time', zh: '虚拟时间最多 24 小时' };

export const headSchemas = {
  name: text(),
  description: anyText(SCENARIO_BOUNDS.descriptionLength),
  seed: integer(0, MAX_SEED),
  durationMs: integer(1, SCENARIO_BOUNDS.durationMs, AT_MOST_A_DAY),
  config: configSchema,
  focus: list(choice(FOCUS_PANELS), FOCUS_PANELS.length, { en: 'focus panels', zh: '重点面板' }),
  translations: translationsSchema(),
};

/** The name and description in the page's other languages (src/scenario/language.ts), each part optional. */
function translationsSchema() {
  const translation = strict({ name: z.optional(text()), description: z.optional(anyText(SCENARIO_BOUNDS.descriptionLength)) });
  return strict({ en: z.optional(translation), zh: z.optional(translation) } satisfies Record<Language, unknown>);
}

const ROOT_KEYS = ['version', ...Object.keys(headSchemas), ...Object.keys(LISTS)];

/** Checks only that the file is an object without unknown top-level fields. */
export const rootSchema = strict(Object.fromEntries(ROOT_KEYS.map((key) => [key, z.optional(z.unknown())])));

let lastItemSchemas: { durationMs: number; schemas: ReturnType<typeof buildItemSchemas> } | undefined;

/**
 * Schemas of the list items. Times (`at`, `startAt`) are bounded by the scenario's own
 * durationMs; building them takes milliseconds, so the last set is kept for the next file,
 * which usually has the same durationMs (an editor revalidating as a person types).
 */
export function itemSchemas(durationMs: number) {
  if (lastItemSchemas?.durationMs !== durationMs) lastItemSchemas = { durationMs, schemas: buildItemSchemas(durationMs) };
  return lastItemSchemas.schemas;
}

function buildItemSchemas(durationMs: number) {
  // The bound itself stands in for a durationMs that is wrong (parse-file.ts timeBound): the message then names the bound.
  const time = integer(0, durationMs, durationMs === SCENARIO_BOUNDS.durationMs ? AT_MOST_A_DAY : { en: "the scenario's durationMs", zh: '场景的 durationMs' });
  const producer = producerSchema(time);
  const consumer = consumerSchema(time);
  return {
    nameServers: strict({ id: text(), ip: z.optional(ipv4()), startAt: z.optional(time) }),
    controllers: strict({ id: text(), ip: z.optional(ipv4()), startAt: z.optional(time) }),
    brokers: brokerSchema(time),
    topics: topicSchema(),
    producers: producer,
    consumers: consumer,
    timeline: timelineSchema(time, producer, consumer),
  } satisfies Record<ListName, z.ZodMiniType | ItemSchemaOf>;
}

/**
 * The fields that name an item, read on their own from an item its schema refused: the name still
 * meets the other items' (a duplicate or a clash is one more problem to list), and is found as
 * long as these fields are right. Unknown and wrong other fields are left to the item's schema.
 */
export const IDENTITY_SCHEMAS = {
  nameServers: z.object({ id: text() }),
  controllers: z.object({ id: text() }),
  brokers: z.object({ name: brokerName(), brokerId: z.optional(brokerId()) }),
  topics: z.object({ name: createdTopicName() }),
  producers: z.object({ id: text() }),
  consumers: z.object({ id: text() }),
} satisfies Partial<Record<ListName, z.ZodMiniType>>;

export type NamedList = keyof typeof IDENTITY_SCHEMAS;
export type IdentityOf<L extends NamedList> = z.output<(typeof IDENTITY_SCHEMAS)[L]>;

/** The schema for one list item, chosen by the item itself (a timeline entry by its `action`). */
export type ItemSchemaOf<T = unknown> = (item: unknown) => z.ZodMiniType<T>;

type TimeSchema = ReturnType<typeof integer>;
type ItemSchemas = ReturnType<typeof buildItemSchemas>;
export type NameServerFile = z.output<ItemSchemas['nameServers']>;
export type ControllerFile = z.output<ItemSchemas['controllers']>;
export type BrokerFile = z.output<ItemSchemas['brokers']>;
export type TopicFile = z.output<ItemSchemas['topics']>;
export type ProducerFile = z.output<ItemSchemas['producers']>;
export type ConsumerFile = z.output<ItemSchemas['consumers']>;
export type TimelineFile = TimelineEntry<ReturnType<typeof actionSchemas>>;
type TimelineEntry<Actions extends Record<TimelineActionName, z.ZodMiniType>> = z.output<Actions[TimelineActionName]>;

function brokerSchema(time: TimeSchema) {
  return strict({
    name: brokerName(),
    cluster: z.optional(text()),
    brokerId: z.optional(brokerId()),
    role: z.optional(choice(BROKER_ROLES)),
    flushDiskType: z.optional(choice(FLUSH_DISK_TYPES)),
    inSyncReplicas: z.optional(integer(1, MAX_REPLICAS)),
    minInSyncReplicas: z.optional(integer(1, MAX_REPLICAS)),
    enableSlaveActingMaster: z.optional(z.boolean({ error: says(TRUE_OR_FALSE) })),
    slaveReadEnable: z.optional(z.boolean({ error: says(TRUE_OR_FALSE) })),
    ip: z.optional(ipv4()),
    port: z.optional(integer(1, 65_535)),
    startAt: z.optional(time),
  });
}

function topicSchema() {
  const counts = { writeQueueNums: z.optional(queueNums()), readQueueNums: z.optional(queueNums()), perm: z.optional(perm()) };
  const placement = strict({ name: brokerName(), ...counts });
  return strict({
    name: createdTopicName(),
    cluster: z.optional(text()),
    brokers: z.optional(list(placement, SCENARIO_BOUNDS.brokers, LISTS.brokers.what, { en: 'must list at least one broker', zh: '至少要列出一个 Broker' })),
    ...counts,
  }).check(z.refine((topic) => topic.cluster === undefined || topic.brokers === undefined, {
    ...ON_ANY_OBJECT,
    message: carried({
      en: 'give either "cluster" (every master of a cluster) or "brokers" (named brokers), not both',
      zh: '"cluster"（集群中的每个 Master）和 "brokers"（指定的 Broker）只能给一个，不能同时给',
    }),
  }));
}

function producerSchema(time: TimeSchema) {
  return strict({
    id: text(),
    group: producerGroupName(),
    topic: sendTopicName(),
    ratePerSec: z.optional(ratePerSec()),
    arrival: z.optional(choice(ARRIVALS)),
    tags: z.optional(list(text(), MAX_TAGS, TAGS)),
    // The Message tab's example key (`<keyPrefix>-0`) is written into a sentence.
    keyPrefix: z.optional(anyText(SCENARIO_BOUNDS.stringLength).check(withoutHiddenCharacters(), withoutOuterWhitespace())),
    sendMode: z.optional(choice(SEND_MODES)),
    startAt: z.optional(time),
    delayLevel: z.optional(integer(0, MAX_DELAY_LEVEL, { en: '0 for none, else a level of messageDelayLevel', zh: '0 表示不延迟，否则是 messageDelayLevel 中的一级' })),
    bodyBytes: z.optional(integer(1, MAX_BODY_BYTES, { en: 'DefaultMQProducer.maxMessageSize', zh: 'DefaultMQProducer.maxMessageSize' })),
    ip: z.optional(ipv4()),
    instanceName: z.optional(text()),
  });
}

function consumerSchema(time: TimeSchema) {
  return strict({
    id: text(),
    group: consumerGroupName(),
    topic: topicName(),
    subscription: z.optional(subscriptionExpression()),
    messageModel: z.optional(choice(MESSAGE_MODELS)),
    allocateStrategy: z.optional(choice(ALLOCATE_STRATEGIES)),
    consumeFromWhere: z.optional(choice(CONSUME_FROM_WHERE)),
    startAt: z.optional(time),
    consumeTimeMs: z.optional(integer(0, HOUR)),
    failureRate: z.optional(decimal(0, 1)),
    failTags: z.optional(list(text(), MAX_TAGS, TAGS)),
    ip: z.optional(ipv4()),
    instanceName: z.optional(text()),
    messageQueueList: z.optional(list(queueRef(), SCENARIO_BOUNDS.queuesPerTopicPerBroker, { en: 'queues', zh: '队列' })),
    consumeridcs: z.optional(list(text(), MAX_TAGS, { en: 'machine rooms', zh: '机房' })),
  })
    // AllocateMessageQueueByConfig and ...ByMachineRoom allocate nothing without their lists.
    .check(
      z.refine((c) => c.allocateStrategy !== 'CONFIG' || listsSome(c.messageQueueList), {
        ...ON_ANY_OBJECT,
        path: ['messageQueueList'],
        message: carried({
          en: 'must list at least one "brokerName:queueId" when allocateStrategy is CONFIG',
          zh: 'allocateStrategy 为 CONFIG 时，至少要列出一个 "brokerName:queueId"',
        }),
      }),
      z.refine((c) => c.allocateStrategy !== 'MACHINE_ROOM' || listsSome(c.consumeridcs), {
        ...ON_ANY_OBJECT,
        path: ['consumeridcs'],
        message: carried({
          en: 'must list at least one machine room when allocateStrategy is MACHINE_ROOM',
          zh: 'allocateStrategy 为 MACHINE_ROOM 时，至少要列出一个机房',
        }),
      }),
    );
}

/**
 * A timeline entry is checked by the schema of its `action`, or refused with the list of
 * actions. The lookup is written out rather than made with z.discriminatedUnion, which would
 * bring zod's unions into the page (about 0.7 KB gzipped) for one map lookup.
 */
function timelineSchema(
  time: TimeSchema,
  producer: ReturnType<typeof producerSchema>,
  consumer: ReturnType<typeof consumerSchema>,
): ItemSchemaOf<TimelineFile> {
  const byAction = new Map<unknown, z.ZodMiniType<TimelineFile>>(Object.entries(actionSchemas(time, producer, consumer)));
  // Never succeeds, so it may stand for any entry type. Every action has an `at`: it is checked
  // too, so a wrong time is listed with the wrong action, not only once the action is mended.
  const unknownAction = z.object(
    { at: time, action: z.never({ error: (issue) => carried(actionMessage(issue.input)) }) },
    { error: says(AN_OBJECT) },
  ) as unknown as z.ZodMiniType<TimelineFile>;
  return (entry) => {
    const action = typeof entry === 'object' && entry !== null ? (entry as { action?: unknown }).action : undefined;
    return byAction.get(action) ?? unknownAction;
  };
}

function actionSchemas(
  time: TimeSchema,
  producer: ReturnType<typeof producerSchema>,
  consumer: ReturnType<typeof consumerSchema>,
) {
  const broker = <A extends string>(action: A) =>
    strict({ at: time, action: z.literal(action), target: brokerName(), brokerId: z.optional(brokerId()) });
  const named = <A extends string>(action: A) => strict({ at: time, action: z.literal(action), target: text() });
  const link = <A extends string>(action: A) => strict({ at: time, action: z.literal(action), target: text(), peer: text() });
  return {
    crashBroker: broker('crashBroker'),
    powerOffBroker: broker('powerOffBroker'),
    partitionBroker: broker('partitionBroker'),
    healPartition: broker('healPartition'),
    shutdownBroker: broker('shutdownBroker'),
    startBroker: broker('startBroker'),
    crashNameServer: named('crashNameServer'),
    startNameServer: named('startNameServer'),
    partitionLink: link('partitionLink'),
    healLink: link('healLink'),
    addConsumer: strict({ at: time, action: z.literal('addConsumer'), consumer }),
    addProducer: strict({ at: time, action: z.literal('addProducer'), producer }),
    removeConsumer: named('removeConsumer'),
    removeProducer: named('removeProducer'),
    crashConsumer: named('crashConsumer'),
    hangConsumer: named('hangConsumer'),
    setProducerRate: strict({ at: time, action: z.literal('setProducerRate'), target: text(), ratePerSec: ratePerSec() }),
    updateTopic: updateTopicSchema(time),
    wipeWritePerm: writePermSchema(time, 'wipeWritePerm'),
    addWritePerm: writePermSchema(time, 'addWritePerm'),
  } satisfies { [A in TimelineActionName]: z.ZodMiniType<{ action: A }> };
}

function updateTopicSchema(time: TimeSchema) {
  return strict({
    at: time,
    action: z.literal('updateTopic'),
    topic: createdTopicName(),
    cluster: z.optional(text()),
    broker: z.optional(brokerName()),
    writeQueueNums: z.optional(queueNums()),
    readQueueNums: z.optional(queueNums()),
    perm: z.optional(perm()),
  }).check(
    // mqadmin updateTopic: -b and -c are mutually exclusive.
    z.refine((u) => u.cluster === undefined || u.broker === undefined, {
      ...ON_ANY_OBJECT,
      message: carried({
        en: 'give either "cluster" (every master of a cluster: mqadmin -c) or "broker" (one broker: mqadmin -b), not both',
        zh: '"cluster"（集群中的每个 Master：mqadmin -c）和 "broker"（一个 Broker：mqadmin -b）只能给一个，不能同时给',
      }),
    }),
    // Creating a topic (cluster or broker named) may take mqadmin's defaults; changing one must change something.
    z.refine((u) => u.cluster !== undefined || u.broker !== undefined || u.writeQueueNums !== undefined || u.readQueueNums !== undefined || u.perm !== undefined, {
      ...ON_ANY_OBJECT,
      message: carried({
        en: 'give at least one of writeQueueNums, readQueueNums or perm, or a cluster or broker to create the topic on',
        zh: '至少给出 writeQueueNums、readQueueNums、perm 之一，或者给出要在其上创建主题的 cluster 或 broker',
      }),
    }),
  );
}

/** mqadmin wipeWritePerm / addWritePerm -b brokerName [-n "ns;ns"]: the NameServers default to all of them. */
function writePermSchema<A extends 'wipeWritePerm' | 'addWritePerm'>(time: TimeSchema, action: A) {
  const nameServers = list(text(), SCENARIO_BOUNDS.nameServers, LISTS.nameServers.what);
  return strict({ at: time, action: z.literal(action), target: brokerName(), nameServers: z.optional(nameServers) });
}

/** The allowed actions: exactly the `action` names of TimelineAction in spec.ts (the compiler checks both ways). */
export const ACTION_NAMES = allOf<TimelineActionName>()([
  'crashBroker', 'powerOffBroker', 'partitionBroker', 'healPartition', 'shutdownBroker', 'startBroker', 'crashNameServer',
  'startNameServer', 'partitionLink', 'healLink', 'addConsumer', 'addProducer', 'removeConsumer', 'removeProducer',
  'crashConsumer', 'hangConsumer', 'setProducerRate', 'updateTopic', 'wipeWritePerm', 'addWritePerm',
]);

function actionMessage(action: unknown): Said {
  const allowed = ACTION_NAMES.join(', ');
  if (action === undefined) return { en: `is required; allowed actions: ${allowed}`, zh: `必须填写；可用的动作：${allowed}` };
  if (typeof action !== 'string') return { en: `must be a string; allowed actions: ${allowed}`, zh: `必须是字符串；可用的动作：${allowed}` };
  const hint = suggestion(action, ACTION_NAMES);
  return { en: `unknown action ${quote(action)}${hint.en}; allowed actions: ${allowed}`, zh: `未知动作 ${quote(action)}${hint.zh}；可用的动作：${allowed}` };
}
