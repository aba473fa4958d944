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
  allOf, anyText, brokerId, brokerName, choice, consumerGroupName, createdTopicName, decimal, integer, ipv4, list, perm,
  producerGroupName, queueNums, queueRef, ratePerSec, sendTopicName, strict, subscriptionExpression, text, topicName,
} from './fields.ts';
import { quote, says, suggestion } from './messages.ts';

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


/** Top-level lists and their bounds (docs/scenario.md, "Bounds"). */
export const LISTS = {
  nameServers: { max: SCENARIO_BOUNDS.nameServers, what: 'NameServers' },
  controllers: { max: SCENARIO_BOUNDS.controllers, what: "controller (RocketScope runs one: the leader of RocketMQ's Raft group of controllers)" },
  brokers: { max: SCENARIO_BOUNDS.brokers, what: 'brokers' },
  topics: { max: SCENARIO_BOUNDS.topics, what: 'topics' },
  producers: { max: SCENARIO_BOUNDS.producers, what: 'producers' },
  consumers: { max: SCENARIO_BOUNDS.consumers, what: 'consumers' },
  timeline: { max: SCENARIO_BOUNDS.timeline, what: 'timeline actions' },
} as const;
export type ListName = keyof typeof LISTS;

export const versionSchema = z.literal(1, {
  error: (issue) => (issue.input === undefined ? 'is required: write "version": 1' : versionMessage(issue.input)),
});

export function versionMessage(version: unknown): string {
  return typeof version === 'number' ? `unsupported version ${version}: this RocketScope reads version 1` : 'must be the number 1';
}

/** The scalar fields of the file, besides `version`. */
export const headSchemas = {
  name: text(),
  description: anyText(SCENARIO_BOUNDS.descriptionLength),
  seed: integer(0, MAX_SEED),
  durationMs: integer(1, SCENARIO_BOUNDS.durationMs, 'at most 24 h of virtual time'),
  config: configSchema,
  focus: list(choice(FOCUS_PANELS), FOCUS_PANELS.length, 'focus panels'),
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
  const time = integer(0, durationMs, "the scenario's durationMs");
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
    enableSlaveActingMaster: z.optional(z.boolean({ error: says('must be true or false') })),
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
    brokers: z.optional(list(placement, SCENARIO_BOUNDS.brokers, 'brokers', 'must list at least one broker')),
    ...counts,
  }).check(z.refine((topic) => topic.cluster === undefined || topic.brokers === undefined, {
    message: 'give either "cluster" (every master of a cluster) or "brokers" (named brokers), not both',
  }));
}

function producerSchema(time: TimeSchema) {
  return strict({
    id: text(),
    group: producerGroupName(),
    topic: sendTopicName(),
    ratePerSec: z.optional(ratePerSec()),
    arrival: z.optional(choice(ARRIVALS)),
    tags: z.optional(list(text(), MAX_TAGS, 'tags')),
    keyPrefix: z.optional(anyText(SCENARIO_BOUNDS.stringLength)),
    sendMode: z.optional(choice(SEND_MODES)),
    startAt: z.optional(time),
    delayLevel: z.optional(integer(0, MAX_DELAY_LEVEL, '0 for none, else a level of messageDelayLevel')),
    bodyBytes: z.optional(integer(1, MAX_BODY_BYTES, 'DefaultMQProducer.maxMessageSize')),
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
    failTags: z.optional(list(text(), MAX_TAGS, 'tags')),
    ip: z.optional(ipv4()),
    instanceName: z.optional(text()),
    messageQueueList: z.optional(list(queueRef(), SCENARIO_BOUNDS.queuesPerTopicPerBroker, 'queues')),
    consumeridcs: z.optional(list(text(), MAX_TAGS, 'machine rooms')),
  })
    // AllocateMessageQueueByConfig and ...ByMachineRoom allocate nothing without their lists.
    .check(
      z.refine((c) => c.allocateStrategy !== 'CONFIG' || (c.messageQueueList?.length ?? 0) > 0, {
        path: ['messageQueueList'],
        message: 'must list at least one "brokerName:queueId" when allocateStrategy is CONFIG',
      }),
      z.refine((c) => c.allocateStrategy !== 'MACHINE_ROOM' || (c.consumeridcs?.length ?? 0) > 0, {
        path: ['consumeridcs'],
        message: 'must list at least one machine room when allocateStrategy is MACHINE_ROOM',
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
  // Never succeeds, so it may stand for any entry type.
  const unknownAction = z.object(
    { action: z.never({ error: (issue) => actionMessage(issue.input) }) },
    { error: says('must be an object ({ ... })') },
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
      message: 'give either "cluster" (every master of a cluster: mqadmin -c) or "broker" (one broker: mqadmin -b), not both',
    }),
    // Creating a topic (cluster or broker named) may take mqadmin's defaults; changing one must change something.
    z.refine((u) => u.cluster !== undefined || u.broker !== undefined || u.writeQueueNums !== undefined || u.readQueueNums !== undefined || u.perm !== undefined, {
      message: 'give at least one of writeQueueNums, readQueueNums or perm, or a cluster or broker to create the topic on',
    }),
  );
}

/** The allowed actions: exactly the `action` names of TimelineAction in spec.ts (the compiler checks both ways). */
export const ACTION_NAMES = allOf<TimelineActionName>()([
  'crashBroker', 'powerOffBroker', 'partitionBroker', 'healPartition', 'shutdownBroker', 'startBroker', 'crashNameServer',
  'startNameServer', 'partitionLink', 'healLink', 'addConsumer', 'addProducer', 'removeConsumer', 'removeProducer',
  'crashConsumer', 'hangConsumer', 'setProducerRate', 'updateTopic',
]);

function actionMessage(action: unknown): string {
  const allowed = `allowed actions: ${ACTION_NAMES.join(', ')}`;
  if (action === undefined) return `is required; ${allowed}`;
  if (typeof action !== 'string') return `must be a string; ${allowed}`;
  return `unknown action ${quote(action)}${suggestion(action, ACTION_NAMES)}; ${allowed}`;
}
