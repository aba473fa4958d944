/**
 * What a run will cost, estimated from the scenario alone before anything is built: each size
 * limit of the file is checked alone, but it is their product (brokers x topics x queues,
 * rate x duration) that fills the memory and the event queue. The memory coefficients were
 * measured on this simulator with the CommitLog in columns (test/bench/cost-measure.ts, rerun it
 * after a change to what the model or the Timeline keeps): the heap after a full GC, typed
 * arrays included, of variants of the reference scenario that each differ in one thing, held by
 * the headless runner (the model alone) and by the simulation's worker (a Timeline: checkpoints
 * and trace cache). Those are Node's heaps; the page's worker runs in the browser's V8, which
 * compresses pointers to 32 bits, so the same Timeline holds less there (test/bench/browser-cost.ts
 * measures it): `workerBytes` is what the page's budget is judged on. docs/runner.md, "Cost
 * budget", has the figures.
 */
import type { SimConfig } from '../model/defaults.ts';
import { everyConsumer, type ConsumerSpec, type ProducerSpec, type Scenario } from '../model/spec.ts';
import { checkpointCount, TRACE_CACHE_LEAST } from '../sim/checkpoints.ts';

export interface Cost {
  /** Messages the producers make over the run. */
  messages: number;
  /** Messages handed to consumer listeners (each reading group or broadcasting consumer, retries included). */
  deliveries: number;
  /** Consume queues on every broker process (masters and slaves), at their largest. */
  queues: number;
  /** Queues times the groups (or broadcasting consumers) reading them: each is pulled all the time. */
  queueReaders: number;
  clients: number;
  brokers: number;
  /** Engine events the whole run handles (what the time to simulate it grows with). */
  events: number;
  /** Trace events of the whole run. */
  traceEvents: number;
  /** Trace events the page's worker caches at most (the Timeline's traceBudget): see TRACE_CACHE_ROOM. */
  traceCache: number;
  /** Memory a straight run holds at its end (the runner: stored messages and state). */
  runBytes: number;
  /** Memory the page holds besides: a snapshot at every checkpoint and the cached trace. */
  pageBytes: number;
  /** Memory the page's simulation worker holds in a browser: the run, its checkpoints and trace cache (see workerBytesOf). */
  workerBytes: number;
  /** The same, by what it comes from. */
  parts: Record<CostCause, CostPart>;
}

/** A message in the CommitLog's columns, its consume queue unit and its ids: 160-182 B measured. */
const BYTES_PER_STORED_MESSAGE = 180;
/**
 * Each checkpoint holds what the message rate keeps in flight (requests awaiting their answer,
 * messages on their way), not what the run has stored (the logs and the sets of ids seen are
 * shared): 72-108 B per message a second, stored copies included (measured 1 s apart).
 */
const SNAPSHOT_BYTES_PER_MESSAGE_PER_SECOND = 110;
/**
 * Per checkpoint, what the checkpoint before cannot lend it (src/engine/clone.ts,
 * cloneStateSharing), measured 1 s apart. A queue nobody reads: 3-4 B per checkpoint; in the run
 * below what the measurement tells from noise (kept at 300).
 */
const SNAPSHOT_BYTES_PER_QUEUE = 10;
const RUN_BYTES_PER_QUEUE = 300;
/**
 * A queue a group pulls (its ProcessQueue, pull requests, offsets): 1,775-2,404 B in the run,
 * 513-514 B per checkpoint; 436-438 B since its parked pulls are frozen and shared between
 * checkpoints. Kept at 520, an upper bound: the page's limits below were measured against it.
 */
const RUN_BYTES_PER_HELD_QUEUE = 2_300;
const SNAPSHOT_BYTES_PER_HELD_QUEUE = 520;
/** A client and a broker it talks to (heartbeats, channels, route tables): 2,108-2,347 B in the run, 522-524 B per checkpoint. */
const RUN_BYTES_PER_CLIENT_BROKER = 2_300;
const SNAPSHOT_BYTES_PER_CLIENT_BROKER = 530;
const SNAPSHOT_BYTES_PER_BROKER_NAMESERVER = 1_200;
/**
 * What is left of the reference scenario's checkpoint once its queues, clients and messages are
 * counted: cost-measure's base holds 142 KB per checkpoint beyond the run, the Timeline's own
 * keeping included, of which those count about 97 KB.
 */
const SNAPSHOT_BASE_BYTES = 45_000;
/** A trace event in the Timeline's cache: 148-180 B. */
const BYTES_PER_CACHED_TRACE_EVENT = 180;
/**
 * What the page's worker holds in a browser per byte of the estimate measured in Node, for what
 * is made of objects (snapshots, clients, queues, the trace cache): Chromium's V8 compresses
 * pointers to 32 bits (Node's does not). The worker held 0.59-0.70 of Node's bytes for those
 * (test/bench/browser-cost.ts beside the same Timelines in Node); 0.8, with the stored messages
 * counted whole (their columns are typed arrays, which compression does not shrink), keeps the
 * estimate 45-60 % above what the worker holds: the reference scenario's first 10 minutes 114 MB
 * held, 168 estimated; its hour 476 and 712; the large scale test's first 2, 4 and 18 minutes
 * 167 and 253, 317 and 501, 1,002 and 1,461 MB.
 */
export const BROWSER_HEAP_SHARE = 0.8;
/**
 * The page's worker caches more than TRACE_CACHE_LEAST trace events while its whole estimate
 * stays within this (three quarters of the page's budget, src/scenario/budget.ts): the reference
 * hour (about 3 million events, 0.3 GB more) keeps its whole trace, so a seek reads the events
 * before its moment from the cache instead of replaying the segments they were dropped from, and
 * a scenario near the budget (the large scale test's first 14 to 18 minutes) keeps the least.
 */
const TRACE_CACHE_ROOM = 1.1e9;

/** Events per message sent (send, store, answer, trace) and per slave copy of it. */
const EVENTS_PER_MESSAGE = 4;
const EVENTS_PER_SLAVE_COPY = 2;
/** Events per message delivered to a listener (pull answer, consume, offset). */
const EVENTS_PER_DELIVERY = 3;
const TRACE_PER_MESSAGE = 3;
const TRACE_PER_DELIVERY = 1.2;

interface Topology {
  masters: number;
  brokers: number;
  slaves: number;
  nameServers: number;
  /** Broker processes per broker name (a master and its slaves). */
  processesByName: Map<string, number>;
  mastersByCluster: Map<string, number>;
}

function topology(scenario: Scenario): Topology {
  const processesByName = new Map<string, number>();
  const mastersByCluster = new Map<string, number>();
  for (const broker of scenario.brokers) {
    processesByName.set(broker.name, (processesByName.get(broker.name) ?? 0) + 1);
    if (broker.brokerId === 0) mastersByCluster.set(broker.cluster, (mastersByCluster.get(broker.cluster) ?? 0) + 1);
  }
  const masters = [...mastersByCluster.values()].reduce((sum, n) => sum + n, 0);
  return {
    masters, brokers: scenario.brokers.length, slaves: scenario.brokers.length - masters,
    nameServers: scenario.nameServers.length, processesByName, mastersByCluster,
  };
}

function allProducers(scenario: Scenario): { spec: ProducerSpec; from: number }[] {
  const added = scenario.timeline.flatMap((a) => (a.action === 'addProducer' ? [{ spec: a.producer, from: a.at }] : []));
  return [...scenario.producers.map((spec) => ({ spec, from: 0 })), ...added];
}

/** Messages per topic: each producer's rate, as setProducerRate changes it, from its start to the end. */
function messagesByTopic(scenario: Scenario): Map<string, number> {
  const byTopic = new Map<string, number>();
  for (const { spec, from } of allProducers(scenario)) {
    const changes = scenario.timeline.flatMap((a) => (a.action === 'setProducerRate' && a.target === spec.id ? [a] : [])).sort((a, b) => a.at - b.at);
    let at = Math.max(from, spec.startAt);
    let rate = spec.ratePerSec;
    let count = 0;
    for (const change of [...changes, { at: scenario.durationMs, ratePerSec: 0 }]) {
      const until = Math.min(Math.max(change.at, at), scenario.durationMs);
      count += rate * (until - at) / 1_000;
      at = until;
      rate = change.ratePerSec;
    }
    byTopic.set(spec.topic, (byTopic.get(spec.topic) ?? 0) + count);
  }
  return byTopic;
}

/** Listeners that each get every message of a topic: one per CLUSTERING group, one per BROADCASTING consumer. */
function readersByTopic(consumers: ConsumerSpec[]): Map<string, number> {
  const keys = new Map<string, Set<string>>();
  for (const c of consumers) {
    const set = keys.get(c.topic) ?? new Set<string>();
    set.add(c.messageModel === 'BROADCASTING' ? `${c.group}\u0000${c.id}` : c.group);
    keys.set(c.topic, set);
  }
  return new Map([...keys].map(([topic, set]) => [topic, set.size]));
}

/**
 * Queues pulled again every pullTimeDelayMillsWhenFlowControl (50 ms) because their readers
 * cannot keep up, averaged over the run: a group (or broadcasting consumer) whose threads consume
 * less than its topic receives fills its ProcessQueues, and once they hold pullThresholdForQueue
 * messages each, every pull is put off.
 */
function flowControlledQueues(consumers: ConsumerSpec[], rates: Map<string, number>, queues: Map<string, { onMasters: number }>, config: SimConfig, seconds: number): number {
  const capacity = new Map<string, { topic: string; perSecond: number }>();
  for (const c of consumers) {
    const key = c.messageModel === 'BROADCASTING' ? `${c.group}\u0000${c.id}` : c.group;
    const entry = capacity.get(key) ?? { topic: c.topic, perSecond: 0 };
    entry.perSecond += config.consumeThreadMax * 1_000 / Math.max(1, c.consumeTimeMs);
    capacity.set(key, entry);
  }
  let held = 0;
  for (const { topic, perSecond } of capacity.values()) {
    const excess = (rates.get(topic) ?? 0) / Math.max(seconds, 1) - perSecond;
    const count = queues.get(topic)?.onMasters ?? 0;
    if (excess <= 0 || count === 0) continue;
    const fillSeconds = config.pullThresholdForQueue * count / excess;
    held += count * Math.max(0, seconds - fillSeconds) / Math.max(seconds, 1);
  }
  return held;
}

/** Expected listener calls per message when a share f fails and is retried up to R times. */
function attempts(consumer: ConsumerSpec, config: SimConfig): number {
  const f = Math.min(consumer.failureRate + (consumer.failTags.length > 0 ? 0.5 : 0), 1);
  const tries = config.maxReconsumeTimes + 1;
  return f >= 1 ? tries : (1 - f ** tries) / (1 - f);
}

/** Queues of each topic on every process of the brokers it is on, at the largest counts the timeline gives it. */
function queuesByTopic(scenario: Scenario, shape: Topology): Map<string, { all: number; onMasters: number }> {
  const byTopic = new Map<string, { all: number; onMasters: number }>();
  const grown = (topic: string, count: number) => Math.max(count, ...scenario.timeline.flatMap((a) =>
    (a.action === 'updateTopic' && a.topic === topic ? [a.writeQueueNums ?? 0, a.readQueueNums ?? 0] : [])));
  const add = (topic: string, brokerName: string | null, cluster: string | null, count: number) => {
    const entry = byTopic.get(topic) ?? { all: 0, onMasters: 0 };
    const masters = brokerName !== null ? 1 : shape.mastersByCluster.get(cluster ?? '') ?? shape.masters;
    const processes = brokerName !== null ? shape.processesByName.get(brokerName) ?? 1 : masters * (shape.brokers / Math.max(1, shape.masters));
    entry.all += grown(topic, count) * processes;
    entry.onMasters += grown(topic, count) * masters;
    byTopic.set(topic, entry);
  };
  for (const topic of scenario.topics) {
    if (topic.brokers) for (const b of topic.brokers) add(topic.name, b.name, null, Math.max(b.readQueueNums, b.writeQueueNums));
    else add(topic.name, null, topic.cluster ?? null, Math.max(topic.readQueueNums, topic.writeQueueNums));
  }
  for (const action of scenario.timeline) {
    if (action.action !== 'updateTopic' || byTopic.has(action.topic)) continue;
    add(action.topic, action.broker ?? null, null, scenario.config.topicQueueNums);
  }
  // Topics a producer creates from TBW102.
  for (const { spec } of allProducers(scenario)) if (!byTopic.has(spec.topic)) add(spec.topic, null, null, scenario.config.producerDefaultTopicQueueNums);
  return byTopic;
}

/** Events of the periodic tasks: each runs `count` times per `periodMs` and costs `events` each time. */
function periodic(seconds: number, tasks: [count: number, periodMs: number, events: number][]): number {
  return tasks.reduce((sum, [count, periodMs, events]) => sum + count * events * (seconds * 1_000) / Math.max(1, periodMs), 0);
}

/** What a cost comes from, so that a refusal can say what to reduce. */
export type CostCause = 'messages' | 'deliveries' | 'queues' | 'clients' | 'brokers';

export interface CostPart {
  events: number;
  /** Memory of a straight run (the runner). */
  runBytes: number;
  /** Memory the page needs besides: checkpoints and the cached trace. */
  pageBytes: number;
}

export function estimateCost(scenario: Scenario): Cost {
  const { config } = scenario;
  const shape = topology(scenario);
  const consumers = everyConsumer(scenario);
  const clients = allProducers(scenario).length + consumers.length;
  const seconds = scenario.durationMs / 1_000;
  const sent = messagesByTopic(scenario);
  const readers = readersByTopic(consumers);
  const queues = queuesByTopic(scenario, shape);
  const retryFactor = consumers.length === 0 ? 1 : Math.max(...consumers.map((c) => attempts(c, config)));
  const [messages, deliveries] = countDeliveries(sent, readers, retryFactor);
  // Every group's %RETRY% topic has one queue per master.
  const [queueCount, queueReaders] = countQueueReaders(queues, readers, shape.masters * new Set(consumers.map((c) => c.group)).size);
  const slaveShare = shape.slaves / Math.max(1, shape.masters);
  const pullPeriod = config.longPollingEnable ? config.brokerSuspendMaxTimeMs : config.shortPollingTimeMs;
  // Periodic lines: each broker's registration with each NameServer, each client's heartbeat to each broker (client.heartbeat), each client's route pull of each topic (route.pulled).
  const traceEvents = messages * TRACE_PER_MESSAGE + deliveries * TRACE_PER_DELIVERY + periodic(seconds, [
    [shape.brokers * shape.nameServers, config.brokerHeartbeatIntervalMs, 1],
    [clients * shape.brokers, config.clientHeartbeatIntervalMs, 1],
    [clients * Math.max(1, queues.size), config.pollNameServerIntervalMs, 1],
  ]);
  const snapshots = checkpointCount(scenario.durationMs);
  const parts: Record<CostCause, CostPart> = {
    messages: {
      events: messages * (EVENTS_PER_MESSAGE + EVENTS_PER_SLAVE_COPY * slaveShare),
      runBytes: messages * (1 + slaveShare) * BYTES_PER_STORED_MESSAGE,
      // The trace cache is added below, once the rest tells how much room it has.
      pageBytes: snapshots * messages / Math.max(seconds, 1) * (1 + slaveShare) * SNAPSHOT_BYTES_PER_MESSAGE_PER_SECOND,
    },
    deliveries: {
      events: deliveries * EVENTS_PER_DELIVERY + periodic(seconds, [
        [flowControlledQueues(consumers, sent, queues, config, seconds), config.pullTimeDelayMillsWhenFlowControl, 1],
      ]),
      runBytes: 0,
      pageBytes: 0,
    },
    queues: {
      events: periodic(seconds, [[queueReaders, pullPeriod, 4]]),
      runBytes: queueCount * RUN_BYTES_PER_QUEUE + queueReaders * RUN_BYTES_PER_HELD_QUEUE,
      pageBytes: snapshots * (queueCount * SNAPSHOT_BYTES_PER_QUEUE + queueReaders * SNAPSHOT_BYTES_PER_HELD_QUEUE),
    },
    clients: clientsPart(config, shape, clients, consumers.length, queues.size, seconds, snapshots),
    brokers: brokersPart(config, shape, seconds, snapshots),
  };
  const traceCache = traceCacheEvents(workerBytesOfParts(parts));
  parts.messages.pageBytes += Math.min(traceEvents, traceCache) * BYTES_PER_CACHED_TRACE_EVENT;
  const total = (key: keyof CostPart) => Object.values(parts).reduce((sum, part) => sum + part[key], 0);
  return {
    messages, deliveries, queues: queueCount, queueReaders, clients, brokers: shape.brokers, traceEvents, traceCache,
    events: total('events'), runBytes: total('runBytes'), pageBytes: total('pageBytes'),
    workerBytes: workerBytesOfParts(parts), parts,
  };
}

/** Messages sent over the run, and the listener calls they make (each reader's, `retryFactor` calls each). */
function countDeliveries(sent: Map<string, number>, readers: Map<string, number>, retryFactor: number): [messages: number, deliveries: number] {
  let messages = 0;
  let deliveries = 0;
  for (const [topic, count] of sent) {
    messages += count;
    deliveries += count * (readers.get(topic) ?? 0) * retryFactor;
  }
  return [messages, deliveries];
}

/** Consume queues on every process, from the retry topics' `retryQueues` on, and the queues times the readers pulling each. */
function countQueueReaders(queues: Map<string, { all: number; onMasters: number }>, readers: Map<string, number>, retryQueues: number): [queueCount: number, queueReaders: number] {
  let queueCount = retryQueues;
  let queueReaders = 0;
  for (const [topic, q] of queues) {
    queueCount += q.all;
    queueReaders += q.onMasters * (readers.get(topic) ?? 0);
  }
  return [queueCount, queueReaders];
}

/** MQClientInstance's scheduled tasks (heartbeats to every broker, route pulls of every topic), offset persistence and RebalanceService. */
function clientsPart(config: SimConfig, shape: Topology, clients: number, consumers: number, topics: number, seconds: number, snapshots: number): CostPart {
  return {
    events: periodic(seconds, [
      [clients * shape.brokers, config.clientHeartbeatIntervalMs, 3],
      [clients * Math.max(1, topics), config.pollNameServerIntervalMs, 3],
      [consumers * shape.masters, config.persistConsumerOffsetIntervalMs, 2],
      [consumers, config.rebalanceIntervalMs, 2],
    ]),
    runBytes: clients * shape.brokers * RUN_BYTES_PER_CLIENT_BROKER,
    pageBytes: snapshots * clients * shape.brokers * SNAPSHOT_BYTES_PER_CLIENT_BROKER,
  };
}

/** The brokers' and NameServers' scheduled tasks: registerBrokerAll, scanNotActiveBroker, the pull hold and channel scans, HA. */
function brokersPart(config: SimConfig, shape: Topology, seconds: number, snapshots: number): CostPart {
  const holdCheck = config.longPollingEnable ? config.pullRequestHoldCheckMs : config.shortPollingTimeMs;
  return {
    events: periodic(seconds, [
      [shape.brokers * shape.nameServers, config.brokerHeartbeatIntervalMs, 4],
      [shape.nameServers, config.scanNotActiveBrokerIntervalMs, 1],
      [shape.brokers, holdCheck, 1],
      [shape.brokers, config.clientChannelScanIntervalMs, 1],
      [shape.slaves, config.haTransferWaitMs, 1],
      [shape.slaves, config.haSendHeartbeatIntervalMs, 3],
      [shape.slaves, config.slaveSyncCheckIntervalMs, 1],
    ]),
    runBytes: SNAPSHOT_BASE_BYTES + shape.brokers * shape.nameServers * SNAPSHOT_BYTES_PER_BROKER_NAMESERVER,
    pageBytes: snapshots * (SNAPSHOT_BASE_BYTES + shape.brokers * shape.nameServers * SNAPSHOT_BYTES_PER_BROKER_NAMESERVER),
  };
}

function workerBytesOfParts(parts: Record<CostCause, CostPart>): number {
  return (Object.keys(parts) as CostCause[]).reduce((sum, cause) => sum + workerBytesOf(cause, parts[cause]), 0);
}

/** The trace cache's budget in events, given what the worker holds without it: what TRACE_CACHE_ROOM leaves, TRACE_CACHE_LEAST at least. */
function traceCacheEvents(workerBytesWithout: number): number {
  const room = Math.floor((TRACE_CACHE_ROOM - workerBytesWithout) / (BYTES_PER_CACHED_TRACE_EVENT * BROWSER_HEAP_SHARE));
  return Math.max(TRACE_CACHE_LEAST, room);
}

/** What a part holds in the page's worker in a browser: its stored messages whole, the rest at BROWSER_HEAP_SHARE. */
export function workerBytesOf(cause: CostCause, part: CostPart): number {
  const typedArrays = cause === 'messages' ? part.runBytes : 0;
  return typedArrays + (part.runBytes + part.pageBytes - typedArrays) * BROWSER_HEAP_SHARE;
}
