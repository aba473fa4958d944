/**
 * The structure of a version-1 scenario file (shared/contract.md §1), in zod. Everything a file
 * may leave out is optional here; normalize.ts fills the defaults. Checks between sections
 * (does this topic's cluster exist?) are in the cross-check files.
 */
import { z } from 'zod';
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type {
  AllocateStrategyName, BrokerRole, ConsumeFromWhere, FlushDiskType, MessageModel, SendMode, TimelineActionName,
} from '../model/spec.ts';
import { configSchema } from './config-schema.ts';
import {
  allOf, anyText, brokerId, brokerName, choice, decimal, groupName, integer, ipv4, list, perm, queueNums,
  queueRef, ratePerSec, strict, text, topicName,
} from './fields.ts';
import { quote, suggestion } from './messages.ts';

const HOUR = 3_600_000;
const MAX_TAGS = SCENARIO_BOUNDS.tagsPerProducer;
/** ScheduleMessageService: messageDelayLevel has 18 levels. */
const MAX_DELAY_LEVEL = 18;
/** DefaultMQProducer.maxMessageSize: 4 MiB. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The PRNG is seeded with an unsigned 32-bit integer. */
const MAX_SEED = 0xffff_ffff;

export const ROLES = allOf<BrokerRole>()(['ASYNC_MASTER', 'SYNC_MASTER', 'SLAVE']);
const FLUSH_DISK_TYPES = allOf<FlushDiskType>()(['ASYNC_FLUSH', 'SYNC_FLUSH']);
const SEND_MODES = allOf<SendMode>()(['SYNC', 'ASYNC', 'ONEWAY']);
const MESSAGE_MODELS = allOf<MessageModel>()(['CLUSTERING', 'BROADCASTING']);
const ALLOCATE_STRATEGIES = allOf<AllocateStrategyName>()(['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH', 'CONFIG', 'MACHINE_ROOM']);
const CONSUME_FROM = allOf<ConsumeFromWhere>()(['CONSUME_FROM_LAST_OFFSET', 'CONSUME_FROM_FIRST_OFFSET', 'CONSUME_FROM_TIMESTAMP']);

/** Top-level lists and their bounds (contract §1: "at most 64 NameServers, 256 brokers ..."). */
export const LISTS = {
  nameServers: { max: SCENARIO_BOUNDS.nameServers, what: 'NameServers' },
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
};

const ROOT_KEYS = ['version', ...Object.keys(headSchemas), ...Object.keys(LISTS)];

/** Checks only that the file is an object without unknown top-level fields. */
export const rootSchema = strict(Object.fromEntries(ROOT_KEYS.map((key) => [key, z.unknown().optional()])));

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
    nameServers: strict({ id: text(), ip: ipv4().optional(), startAt: time.optional() }),
    brokers: brokerSchema(time),
    topics: topicSchema(),
    producers: producer,
    consumers: consumer,
    timeline: timelineSchema(time, producer, consumer),
  } satisfies Record<ListName, z.ZodType>;
}

type TimeSchema = ReturnType<typeof integer>;
type ItemSchemas = ReturnType<typeof buildItemSchemas>;
export type NameServerFile = z.output<ItemSchemas['nameServers']>;
export type BrokerFile = z.output<ItemSchemas['brokers']>;
export type TopicFile = z.output<ItemSchemas['topics']>;
export type ProducerFile = z.output<ItemSchemas['producers']>;
export type ConsumerFile = z.output<ItemSchemas['consumers']>;
export type TimelineFile = z.output<ItemSchemas['timeline']>;

function brokerSchema(time: TimeSchema) {
  return strict({
    name: brokerName(),
    cluster: text().optional(),
    brokerId: brokerId().optional(),
    role: choice(ROLES).optional(),
    flushDiskType: choice(FLUSH_DISK_TYPES).optional(),
    ip: ipv4().optional(),
    port: integer(1, 65_535).optional(),
    startAt: time.optional(),
  });
}

function topicSchema() {
  const counts = { writeQueueNums: queueNums().optional(), readQueueNums: queueNums().optional(), perm: perm().optional() };
  const placement = strict({ name: brokerName(), ...counts });
  return strict({
    name: topicName(),
    cluster: text().optional(),
    brokers: list(placement, SCENARIO_BOUNDS.brokers, 'brokers', 'must list at least one broker').optional(),
    ...counts,
  }).refine((topic) => topic.cluster === undefined || topic.brokers === undefined, {
    message: 'give either "cluster" (every master of a cluster) or "brokers" (named brokers), not both',
  });
}

function producerSchema(time: TimeSchema) {
  return strict({
    id: text(),
    group: groupName(),
    topic: topicName(),
    ratePerSec: ratePerSec().optional(),
    arrival: choice(['constant', 'poisson']).optional(),
    tags: list(text(), MAX_TAGS, 'tags').optional(),
    keyPrefix: anyText(SCENARIO_BOUNDS.stringLength).optional(),
    sendMode: choice(SEND_MODES).optional(),
    startAt: time.optional(),
    delayLevel: integer(0, MAX_DELAY_LEVEL, '0 for none, else a level of messageDelayLevel').optional(),
    bodyBytes: integer(1, MAX_BODY_BYTES, 'DefaultMQProducer.maxMessageSize').optional(),
    ip: ipv4().optional(),
    instanceName: text().optional(),
  });
}

function consumerSchema(time: TimeSchema) {
  return strict({
    id: text(),
    group: groupName(),
    topic: topicName(),
    subscription: text().optional(),
    messageModel: choice(MESSAGE_MODELS).optional(),
    allocateStrategy: choice(ALLOCATE_STRATEGIES).optional(),
    consumeFromWhere: choice(CONSUME_FROM).optional(),
    startAt: time.optional(),
    consumeTimeMs: integer(0, HOUR).optional(),
    failureRate: decimal(0, 1).optional(),
    failTags: list(text(), MAX_TAGS, 'tags').optional(),
    ip: ipv4().optional(),
    instanceName: text().optional(),
    messageQueueList: list(queueRef(), SCENARIO_BOUNDS.queuesPerTopicPerBroker, 'queues').optional(),
    consumeridcs: list(text(), MAX_TAGS, 'machine rooms').optional(),
  })
    // AllocateMessageQueueByConfig and ...ByMachineRoom allocate nothing without their lists.
    .refine((c) => c.allocateStrategy !== 'CONFIG' || (c.messageQueueList?.length ?? 0) > 0, {
      path: ['messageQueueList'],
      message: 'must list at least one "brokerName:queueId" when allocateStrategy is CONFIG',
    })
    .refine((c) => c.allocateStrategy !== 'MACHINE_ROOM' || (c.consumeridcs?.length ?? 0) > 0, {
      path: ['consumeridcs'],
      message: 'must list at least one machine room when allocateStrategy is MACHINE_ROOM',
    });
}

function timelineSchema(
  time: TimeSchema,
  producer: ReturnType<typeof producerSchema>,
  consumer: ReturnType<typeof consumerSchema>,
) {
  const broker = <A extends string>(action: A) =>
    strict({ at: time, action: z.literal(action), target: brokerName(), brokerId: brokerId().optional() });
  const named = <A extends string>(action: A) => strict({ at: time, action: z.literal(action), target: text() });
  const link = <A extends string>(action: A) => strict({ at: time, action: z.literal(action), target: text(), peer: text() });
  const actions = {
    crashBroker: broker('crashBroker'),
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
  } satisfies { [A in TimelineActionName]: z.ZodType<{ action: A }> };
  const options = Object.values(actions) as [(typeof actions)[TimelineActionName], ...(typeof actions)[TimelineActionName][]];
  return z.discriminatedUnion('action', options, {
    error: (issue) => (issue.code === 'invalid_union' ? actionMessage(issue.input) : undefined),
  });
}

function updateTopicSchema(time: TimeSchema) {
  return strict({
    at: time,
    action: z.literal('updateTopic'),
    topic: topicName(),
    broker: brokerName().optional(),
    writeQueueNums: queueNums().optional(),
    readQueueNums: queueNums().optional(),
    perm: perm().optional(),
  }).refine((u) => u.writeQueueNums !== undefined || u.readQueueNums !== undefined || u.perm !== undefined, {
    message: 'give at least one of writeQueueNums, readQueueNums or perm',
  });
}

/** The allowed actions: exactly the `action` names of TimelineAction in spec.ts (the compiler checks both ways). */
export const ACTION_NAMES = allOf<TimelineActionName>()([
  'crashBroker', 'partitionBroker', 'healPartition', 'shutdownBroker', 'startBroker', 'crashNameServer',
  'startNameServer', 'partitionLink', 'healLink', 'addConsumer', 'addProducer', 'removeConsumer', 'removeProducer',
  'crashConsumer', 'hangConsumer', 'setProducerRate', 'updateTopic',
]);

function actionMessage(entry: unknown): string {
  const action = typeof entry === 'object' && entry !== null ? (entry as { action?: unknown }).action : undefined;
  const allowed = `allowed actions: ${ACTION_NAMES.join(', ')}`;
  if (action === undefined) return `is required; ${allowed}`;
  if (typeof action !== 'string') return `must be a string; ${allowed}`;
  return `unknown action ${quote(action)}${suggestion(action, ACTION_NAMES)}; ${allowed}`;
}
