/**
 * The caption of a trace event: what it means, in plain words, in the page's language, with the
 * run's configured numbers. Loaded on demand (the caption and the scrubber's marks use it).
 */
import { MASTER_ID, SCAN_RESPONSE_LATEST_MS, masterOf, readQueueNumsOf, type TraceEvent, type ModelState } from '../../sim/index.ts';
import type { TimelineView } from '../../sim/timeline.ts';
import type { Language } from '../../scenario/language.ts';
import type { NarrationContext, Narrators, SendAttempts } from './context.ts';
import type { BrokerNodeNames } from '../broker-node-names.ts';
import { en, flowingEn } from './en.ts';
import { flowingZh, zh } from './zh.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

const NARRATORS: Bilingual<Narrators> = { en, zh };
const FLOWING: Bilingual<(config: NarrationContext['config']) => string> = { en: flowingEn, zh: flowingZh };

export function narrate(event: TraceEvent, language: Language, context: NarrationContext): string {
  const narrator = inLanguage(NARRATORS, language)[event.type] as (e: TraceEvent, c: NarrationContext) => string;
  return narrator(event, context);
}

/** The playing caption when no news is held: the traffic, and the timers under it. */
export function flowing(config: NarrationContext['config'], language: Language): string {
  return inLanguage(FLOWING, language)(config);
}

export type { NarrationContext } from './context.ts';
// The caption's two parts, what happened and why: in this chunk, after the first paint.
export { captionParts } from './caption-parts.ts';
// A file's action said as the fault event it will make (the scrubber's marks): with the captions, after the first paint.
export { plannedFaultEvent } from '../../sim/queries/planned-fault-event.ts';

/** The trace a caption's event ends: its events before it can be read back (a Timeline's, or the page's tail of it). */
type TraceBefore = Pick<TimelineView, 'traceStart' | 'traceLength' | 'traceSlice'>;

/**
 * The context of a caption at the time a state shows: the run's config, its topics' readQueueNums,
 * the brokers' nodes and, given the trace up to the caption's event (its last), the attempts of a send.
 */
export function contextAt(config: NarrationContext['config'], state: Readonly<ModelState>, names?: BrokerNodeNames, trace?: TraceBefore): NarrationContext {
  const producer = (id: string) => { const client = state.clients[id]; return client?.kind === 'producer' ? client : undefined; };
  const consumer = (id: string) => { const client = state.clients[id]; return client?.kind === 'consumer' ? client : undefined; };
  return {
    config,
    ...(names ? { names } : {}),
    readQueueNums: (brokerName, topic) => readQueueNumsOf(state, brokerName, topic),
    publishQueues: (id) => {
      const client = producer(id);
      return client?.publishInfo[client.spec.topic]?.messageQueueList.length ?? 0;
    },
    nameServerAddrs: (client) => state.clients[client]?.namesrvAddrList.length ?? 0,
    messageModel: (id) => consumer(id)?.spec.messageModel,
    masterAway: (brokerName) => {
      const master = masterOf(state, brokerName) ?? state.brokers[`${brokerName}/0`];
      if (master === undefined) return null;
      // A host without power and a partition both swallow what is sent (no RST, no FIN): a crashed process behind a partition is not refused either.
      if (master.pageCacheLost) return 'noPower';
      if (master.partitioned) return 'cutOff';
      return master.status === 'running' ? null : 'stopped';
    },
    hasSlaves: Object.values(state.brokers).some((broker) => broker.brokerId !== MASTER_ID),
    isProducer: (id) => producer(id) !== undefined,
    sendMode: (id) => producer(id)?.spec.sendMode,
    brokerNow: (node) => {
      const broker = state.brokers[node];
      if (broker === undefined) return 'running';
      if (broker.status !== 'running') return 'down';
      return broker.partitioned ? 'cutOff' : 'running';
    },
    startFailure: (id, t) => {
      const client = consumer(id);
      if (client === undefined) return undefined;
      const failure = config.rocketmqVersion === '5.x' ? 'shutsDown' : 'runsOn';
      // Its start's route round is still under way: any failure in it fails the start.
      if (!client.started) return failure;
      // A 5.x consumer whose start failed stays stopped; a 4.x one runs on, and only the trace tells.
      if (failure === 'shutsDown' && client.status !== 'stopped') return undefined;
      return trace !== undefined && startFailedSince(trace, id, t) ? failure : undefined;
    },
    hasRoute: (id, topic) => state.clients[id]?.topicRouteTable[topic] !== undefined,
    nextRouteRound: (id) => state.clients[id]?.nextRouteRefreshAt,
    ...(trace ? { sendAttempts: (msgId: string) => attemptsBefore(trace, msgId, config.sendMsgTimeoutMs), createdTogether: (e: TopicUpdated) => createdTogether(trace, e) } : {}),
  };
}

type TopicUpdated = Extract<TraceEvent, { type: 'topic.updated' }>;

/**
 * The brokers whose topic.updated at e's instant created e's topic with e's queues and perm, by
 * name: an updateTopic -c (MQAdminStartup's UpdateTopicSubCommand) creates it on every master of the
 * cluster in the same moment, and the caption names them all. Only the event's broker for an
 * automatic creation, which each broker makes on its own.
 */
function createdTogether(trace: TraceBefore, e: TopicUpdated): string[] {
  if (!e.created || e.auto) return [e.broker];
  const brokers = new Set([e.broker]);
  for (let to = trace.traceLength; to > trace.traceStart && trace.traceLength - to < MOST_EVENTS; ) {
    const from = Math.max(trace.traceStart, to - SLICE);
    const events = trace.traceSlice(from, to);
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.t < e.t) return [...brokers].sort();
      if (event.type === 'topic.updated' && event.t === e.t && sameCreation(event, e)) brokers.add(event.broker);
    }
    to = from;
  }
  return [...brokers].sort();
}

function sameCreation(a: TopicUpdated, b: TopicUpdated): boolean {
  return a.created && !a.auto && a.topic === b.topic && a.writeQueueNums === b.writeQueueNums && a.readQueueNums === b.readQueueNums && a.perm === b.perm;
}

/** Events read back per slice, and at most this many in all (a second of the large scale test is about 7,000). */
const SLICE = 1_024;
const MOST_EVENTS = 50_000;

/**
 * The message.sent events of msgId before the trace's last event (its send.result), and the reason
 * of its latest send.failed. Every attempt of a send falls within sendMsgTimeoutMs before its result
 * (sendDefaultImpl gives each attempt what is left of that budget), and an ASYNC one's scanResponseTable
 * may end it up to SCAN_RESPONSE_LATEST_MS later, so the count stops there; undefined when the trace
 * held does not reach.
 */
function attemptsBefore(trace: TraceBefore, msgId: string, timeoutMs: number): SendAttempts | undefined {
  const end = trace.traceLength - 1;
  const last = end >= 0 ? trace.traceSlice(end, end + 1)[0] : undefined;
  if (!last) return undefined;
  const since = last.t - timeoutMs - SCAN_RESPONSE_LATEST_MS;
  const made: SendAttempts = { count: 0, lastReason: null };
  for (let to = end; to > trace.traceStart; ) {
    if (end - to >= MOST_EVENTS) return undefined;
    const from = Math.max(trace.traceStart, to - SLICE);
    const events = trace.traceSlice(from, to);
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.t < since) return made;
      if (event.type === 'message.sent' && event.msgId === msgId) made.count++;
      if (event.type === 'send.failed' && event.msgId === msgId) made.lastReason ??= event.reason;
    }
    to = from;
  }
  return trace.traceStart === 0 ? made : undefined;
}

/** Whether the trace holds, at or after t, the consumer's failed start (consumer.startFailed). */
function startFailedSince(trace: TraceBefore, consumer: string, t: number): boolean {
  for (let to = trace.traceLength; to > trace.traceStart; ) {
    if (trace.traceLength - to >= MOST_EVENTS) return false;
    const from = Math.max(trace.traceStart, to - SLICE);
    const events = trace.traceSlice(from, to);
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.t < t) return false;
      if (event.type === 'consumer.startFailed' && event.consumer === consumer) return true;
    }
    to = from;
  }
  return false;
}
