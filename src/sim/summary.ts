/**
 * The summary of a run (docs/summary.md): message counts with conservation, per-queue offsets and
 * lag, and what each NameServer believes.
 */
import { dict, dictFrom } from '../engine/index.ts';
import { isReadable, isWriteable } from '../model/perm.ts';
import type { ModelState } from '../model/state.ts';

export interface QueueSummary {
  topic: string;
  broker: string;
  queueId: number;
  maxOffset: number;
  readable: boolean;
  writable: boolean;
  consumerOffsets: Record<string, number>;
  lag: Record<string, number>;
  /** Messages in a queue id at or above readQueueNums: no consumer can be given this queue. */
  neverConsumable: number;
}

export interface Summary {
  untilMs: number;
  traceHash: string;
  traceEvents: number;
  messages: {
    sent: number;
    stored: number;
    consumed: number;
    neverConsumable: number;
    lost: number;
    duplicates: number;
    failed: number;
    lagging: number;
    retried: number;
    deadLettered: number;
  };
  queues: QueueSummary[];
  routes: Record<string, { brokers: string[]; topics: Record<string, number> }>;
}

const SYSTEM_TOPIC = /^(TBW102|SCHEDULE_TOPIC_XXXX|%RETRY%|%DLQ%)/;

/** Consumer groups per topic, with the offsets each group's consumers hold or committed. */
function groupOffsets(state: ModelState, topic: string, brokerName: string, queueId: number): Record<string, number> {
  const offsets = dict<number>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer' || client.spec.topic !== topic) continue;
    offsets[client.spec.group] ??= 0;
    const live = client.status === 'running' ? client.offsetTable[`${topic}@${brokerName}@${queueId}`] : undefined;
    if (live !== undefined) offsets[client.spec.group] = Math.max(offsets[client.spec.group]!, live);
  }
  for (const broker of Object.values(state.brokers)) {
    if (broker.name !== brokerName) continue;
    for (const group of Object.keys(offsets)) {
      const committed = broker.consumerOffsetTable[group]?.[`${topic}@${queueId}`];
      if (committed !== undefined) offsets[group] = Math.max(offsets[group]!, committed);
    }
  }
  return offsets;
}

export function summarizeQueues(state: ModelState): QueueSummary[] {
  const queues: QueueSummary[] = [];
  for (const broker of Object.values(state.brokers)) {
    if (broker.brokerId !== 0) continue;
    for (const [topic, consumeQueues] of Object.entries(broker.consumeQueues)) {
      if (SYSTEM_TOPIC.test(topic)) continue;
      const config = broker.topicConfigTable[topic];
      consumeQueues.forEach((queue, queueId) => {
        const maxOffset = queue.length;
        const readable = config !== undefined && isReadable(config.perm) && queueId < config.readQueueNums;
        const consumerOffsets = groupOffsets(state, topic, broker.name, queueId);
        const lag = dictFrom(Object.entries(consumerOffsets).map(([group, offset]) => [group, Math.max(0, maxOffset - offset)]));
        // What some group has not read and now never can: a queue drained before its readQueueNums
        // shrank (the safe way: mqadmin updateTopic -r once consumers drained it) strands nothing; with no group, everything.
        const unread = Object.values(lag);
        queues.push({
          topic, broker: broker.name, queueId, maxOffset, readable,
          writable: config !== undefined && isWriteable(config.perm) && queueId < config.writeQueueNums,
          consumerOffsets, lag, neverConsumable: readable ? 0 : unread.length === 0 ? maxOffset : Math.max(...unread),
        });
      });
    }
  }
  return queues;
}

function summarizeRoutes(state: ModelState): Summary['routes'] {
  const routes: Summary['routes'] = dict();
  for (const ns of Object.values(state.nameServers)) {
    const topics = dict<number>();
    for (const [topic, queueDatas] of Object.entries(ns.topicQueueTable)) {
      topics[topic] = Object.values(queueDatas).reduce((sum, queueData) => sum + queueData.writeQueueNums, 0);
    }
    routes[ns.id] = { brokers: Object.keys(ns.brokerAddrTable).sort(), topics };
  }
  return routes;
}

export function summarize(state: ModelState, untilMs: number, traceHash: string, traceEvents: number): Summary {
  const position = traceEvents;
  const { stats } = state;
  const queues = summarizeQueues(state);
  const neverConsumable = queues.reduce((sum, queue) => sum + queue.neverConsumable, 0);
  const lagging = queues.reduce((sum, queue) => sum + (queue.readable ? Math.max(0, ...Object.values(queue.lag)) : 0), 0);
  // Sent but neither stored nor reported failed: ONEWAY messages that vanished on the way.
  const lost = stats.onewayIds.keysAt(position).filter((serial) => !stats.storedIds.has(serial, position)).length;
  return {
    untilMs,
    traceHash,
    traceEvents,
    messages: {
      sent: stats.sent, stored: stats.stored, consumed: stats.consumed, neverConsumable, lost, duplicates: stats.duplicates,
      failed: stats.failed, lagging, retried: stats.toRetry, deadLettered: stats.toDlq,
    },
    queues,
    routes: summarizeRoutes(state),
  };
}
