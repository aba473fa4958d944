/**
 * What a caption may use besides its event: the run's configured values (a scenario that changes
 * the expiry gets its own number, never a literal "120 s") and a look at the state at that time.
 */
import { retriesSetting, sendRetriesAfter, sendTimesTotal, type MessageModel, type SendFailedCause, type SendFailedReason, type SendMode, type TraceEvent, type TraceType, type SimConfig } from '../../sim/index.ts';
import { formatPeriod } from '../../viz/format.ts';
import { DECLARED_NAMES, drawnNode, type BrokerNodeNames } from '../broker-node-names.ts';

export interface NarrationContext {
  config: SimConfig;
  /** readQueueNums of a topic on a broker name's master at the caption's time, when it has the topic. */
  readQueueNums?: (brokerName: string, topic: string) => number | undefined;
  /** The node behind an event's brokerName/brokerId (after an election, not the declared one). */
  names?: BrokerNodeNames;
  /** The attempts (message.sent) the send of a msgId made before its send.result; undefined when the trace at hand does not reach back that far. */
  sendAttempts?: (msgId: string) => SendAttempts | undefined;
  /** The queues a producer's route gives it to write to (its TopicPublishInfo) at the caption's time. */
  publishQueues?: (producer: string) => number;
  /** How many NameServer addresses a client has (its namesrvAddr list). */
  nameServerAddrs?: (client: string) => number;
  /** A consumer's message model: a BROADCASTING one keeps its offsets in a local file, a CLUSTERING one on the brokers. */
  messageModel?: (consumer: string) => MessageModel | undefined;
  /**
   * Whether a broker name's master can be reached at the caption's time, and if not, how a call to it
   * fails (MasterAway); null while it runs in the open.
   */
  masterAway?: (brokerName: string) => MasterAway | null;
  /** Whether the run has any slave: a caption names the slaves a rule covers only where there are some. Unknown is yes. */
  hasSlaves?: boolean;
  /** Whether a client is a producer (a 5.x producer's heartbeat on a new channel registers it; a consumer's wakes its rebalance). Unknown is no. */
  isProducer?: (client: string) => boolean;
  /** A producer's send mode: a SYNC send's timeout closes its connection, an ASYNC one's closes nothing. */
  sendMode?: (producer: string) => SendMode | undefined;
  /** A broker process (its node, "broker-b/0") at the caption's time: cut off by a partition, or down (crashed, without power, shut down); else running. */
  brokerNow?: (node: string) => 'running' | 'cutOff' | 'down';
  /**
   * How a route query of the client at `t` failed a consumer's start (DefaultMQPushConsumerImpl.start):
   * 'shutsDown', 5.x shuts the consumer down and nothing asks again; 'runsOn', 4.9.8 throws with the
   * consumer running and no route yet. Undefined where the query was no start's, or unknown.
   */
  startFailure?: (client: string, t: number) => StartFailure | undefined;
  /** Whether the client holds a route of the topic at the caption's time (MQClientInstance.topicRouteTable). Unknown is yes. */
  hasRoute?: (client: string, topic: string) => boolean;
  /** When the client's next periodic route round is due (MQClientInstance's updateTopicRouteInfoFromNameServer task), at the caption's time. */
  nextRouteRound?: (client: string) => number | undefined;
  /**
   * The masters that created a topic at the same instant with the same queues as this one (an
   * updateTopic -c runs createAndUpdateTopicConfig on every master of the cluster at once), by name;
   * unknown is the event's broker alone.
   */
  createdTogether?: (e: TraceOf<'topic.updated'>) => string[];
}

type StartFailure = 'shutsDown' | 'runsOn';

/**
 * How long after a route update the client pulls again: its periodic round keeps its own schedule,
 * so a pull made out of turn (a start, a send without a route, a rebalance that found no queues)
 * is followed by the round already due, not by a full pollNameServerInterval. The round's time is
 * read from the state at the caption's moment; a round that has run since the event is due more than
 * an interval after it, and then the interval is all that can be said.
 */
export function untilNextRouteRound(e: { client: string; t: number }, context: NarrationContext): number {
  const interval = context.config.pollNameServerIntervalMs;
  const next = context.nextRouteRound?.(e.client);
  return next !== undefined && next > e.t && next - e.t <= interval ? next - e.t : interval;
}

/**
 * Why a master cannot be reached, as a call to it sees it (NettyRemotingClient): 'stopped', its
 * process is down (crashed, shut down, not started) on a host that is up, which answers a connect
 * with a reset at once (connectRefused); 'noPower', its machine is off, and 'cutOff', a partition
 * isolates it: nothing is answered, refused or closed, so a call waits for its timeout or for a
 * connect that fails after connectTimeoutMillis.
 */
export type MasterAway = 'stopped' | 'noPower' | 'cutOff';

/** ", slaves too" (or its Chinese) after "every broker", unless the run has no slave. */
export function slavesToo(context: NarrationContext, words: string): string {
  return context.hasSlaves === false ? '' : words;
}

/**
 * Where a consumer's offsets live (DefaultMQPushConsumerImpl.start): BROADCASTING keeps them in its
 * own file (LocalFileOffsetStore), CLUSTERING on the brokers (RemoteBrokerOffsetStore). Unknown is clustering, the default.
 */
export function keepsOffsetsLocally(context: NarrationContext, consumer: string): boolean {
  return context.messageModel?.(consumer) === 'BROADCASTING';
}

/** A broker event's node as the canvas draws it, "(now master)" when an election made it master. */
export function nodeEn(context: NarrationContext, e: { t: number; broker: string }, brokerId: number, stale = false): string {
  return drawnNode(context.names ?? DECLARED_NAMES, 'en', e, brokerId, stale);
}

export function nodeZh(context: NarrationContext, e: { t: number; broker: string }, brokerId: number, stale = false): string {
  return drawnNode(context.names ?? DECLARED_NAMES, 'zh', e, brokerId, stale);
}

/** A node by name only, where the sentence says its role itself (an election, a role change). */
export function nodeName(context: NarrationContext, e: { t: number; broker: string }, brokerId: number): string {
  return (context.names ?? DECLARED_NAMES).node(e.broker, brokerId, e.t);
}

/** The trace event of one type. */
export type TraceOf<K extends TraceType> = Extract<TraceEvent, { type: K }>;
/** One caption per trace type: the compiler lists a new type until it is narrated. */
export type Narrators = { [K in TraceType]: (event: TraceOf<K>, context: NarrationContext) => string };

/**
 * A route's queues ("broker-a:0") counted by broker, brokers by name, where they span more
 * than one: a reader who set writeQueueNums 8 wonders where a route's 16 come from.
 */
export function queuesByBroker(queues: readonly string[]): [broker: string, count: number][] {
  const counts = new Map<string, number>();
  for (const queue of queues) {
    const broker = queue.slice(0, queue.lastIndexOf(':'));
    counts.set(broker, (counts.get(broker) ?? 0) + 1);
  }
  // By name: a route's read queues come in its QueueData's order, its write queues sorted (topicRouteData2TopicPublishInfo),
  // and the two lists of one caption named the brokers in different orders.
  return counts.size > 1 ? [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
}

/** A configured period or a span of the run as the captions say it: formatPeriod, the page's one rule ("100 ms", "30 s", "3 min"). */
export function durationEn(ms: number): string {
  return formatPeriod(ms, 'en');
}

export function durationZh(ms: number): string {
  return formatPeriod(ms, 'zh');
}

/** A send's attempts before its result, and why the last one failed (its send.failed; none when it was stored but the send still ended so). */
export interface SendAttempts {
  count: number;
  lastReason: SendFailedReason | null;
}

/**
 * Why a send ended FAILED (DefaultMQProducerImpl.sendDefaultImpl): with no attempt at all, because
 * the producer has no NameServer address, its route offered no queue ("No route info of this
 * topic") or waiting for the route spent sendMsgTimeoutMs; after its attempts failed; or, when the
 * trace at hand does not show, unknown.
 */
export type FailedSend = { kind: Extract<SendFailedCause, 'noNameServer' | 'noRoute' | 'routeTimeout'> } | AttemptsFailed | { kind: 'unknown' };

/**
 * A send whose attempts failed, and why no attempt followed its last: every attempt its mode allows
 * was made; the last timed out, which spends what is left of sendMsgTimeout; its answer is not in
 * retryResponseCodes; sendMsgTimeout had no time left for another; or its route had no queue left.
 */
export interface AttemptsFailed {
  kind: Extract<SendFailedCause, 'attemptsFailed'>;
  attempts: number;
  allowed: number;
  stopped: 'allMade' | 'timedOut' | 'notRetried' | 'budgetSpent' | 'noQueue';
  lastReason: SendFailedReason | null;
  /** An ASYNC send is tried again only when no answer came (sendRetriesAfter). */
  mode: SendMode;
}

export function failedSend(context: NarrationContext, e: { producer: string; msgId: string }): FailedSend {
  const made = context.sendAttempts?.(e.msgId);
  if (made === undefined) return { kind: 'unknown' };
  if (made.count > 0) return attemptsFailed(context, e.producer, made);
  if (context.nameServerAddrs?.(e.producer) === 0) return { kind: 'noNameServer' };
  return (context.publishQueues?.(e.producer) ?? 0) === 0 ? { kind: 'noRoute' } : { kind: 'routeTimeout' };
}

function attemptsFailed(context: NarrationContext, producer: string, { count, lastReason }: SendAttempts): AttemptsFailed {
  const allowed = attemptsAllowed(context, producer);
  const mode = context.sendMode?.(producer) ?? 'SYNC';
  const stopped = count >= allowed || lastReason === null ? 'allMade'
    : lastReason === 'timeout' ? 'timedOut'
      : !sendRetriesAfter(lastReason, mode) ? 'notRetried'
        : (context.publishQueues?.(producer) ?? 1) === 0 ? 'noQueue' : 'budgetSpent';
  return { kind: 'attemptsFailed', attempts: count, allowed, stopped, lastReason, mode };
}

/**
 * How many attempts a send made when it ended with a status other than SEND_OK and
 * retryAnotherBrokerWhenNotStoreOK may have retried it (0 otherwise: only then is the trace read back).
 */
export function notOkAttempts(e: { msgId: string; status: string }, context: NarrationContext): number {
  if (e.status === 'SEND_OK' || e.status === 'FAILED' || !context.config.retryAnotherBrokerWhenNotStoreOK) return 0;
  return context.sendAttempts?.(e.msgId)?.count ?? 0;
}

/** The attempts a producer's sends may make, by its send mode (a SYNC producer when the mode is unknown). */
export function attemptsAllowed(context: NarrationContext, producer: string): number {
  return sendTimesTotal(context.config, context.sendMode?.(producer) ?? 'SYNC');
}

/** The setting that counts a producer's retries, by its send mode, with its value: "retryTimesWhenSendAsyncFailed 2". */
export function retriesSaid(context: NarrationContext, producer: string): string {
  const mode = context.sendMode?.(producer);
  const setting = retriesSetting(mode === 'ASYNC' ? 'ASYNC' : 'SYNC');
  return `${setting} ${context.config[setting]}`;
}

/** The brokers that created the event's topic with it (createdTogether): "broker-a and broker-b" is the caller's to join. */
export function creators(context: NarrationContext, e: TraceOf<'topic.updated'>): string[] {
  return context.createdTogether?.(e) ?? [e.broker];
}
