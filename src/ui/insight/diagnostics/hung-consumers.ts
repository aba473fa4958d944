/**
 * Consumers that stopped consuming while the brokers still count them in their group. A hung
 * process (a stuck listener, a long GC) neither pulls nor heartbeats, but its connections stay
 * open, so no doChannelCloseEvent removes it at once: each broker drops it when its channel has
 * carried nothing for serverChannelMaxIdleTimeSeconds (the idle close, ClientHousekeepingService
 * .onChannelIdle, which tells the group: NOTIFY_CONSUMER_IDS_CHANGED) or when scanNotActiveChannel
 * finds its last heartbeat more than channelExpiredTimeout old (which tells nobody), whichever
 * comes first (silentConsumerDrop). Until then GET_CONSUMER_LIST_BY_GROUP lists it, the group's
 * allocation (AllocateMessageQueueAveragely and the others) keeps giving it queues, and nobody
 * reads them; after a scan's expiry the others take the queues only at their next periodic
 * rebalance (RebalanceService.waitInterval).
 */
import { isSystemTopic, silentConsumerDrop, type ModelState, type SilentConsumerDrop } from '../../../sim/index.ts';
import type { Summary } from '../../../sim/summary.ts';

/** A running broker that lists the consumer: its last heartbeat there, and how and when that broker drops it. */
interface ChannelListing {
  broker: string;
  lastHeartbeat: number;
  drop: SilentConsumerDrop;
}

export interface HungConsumer {
  kind: 'hungConsumer';
  consumer: string;
  group: string;
  topic: string;
  /** Its queues of the topic as "brokerName:queueId" (its ProcessQueues), and the group's lag summed over them. */
  queues: string[];
  waiting: number;
  listedBy: ChannelListing[];
  /** The run's channelExpiredTimeout, clientChannelScanInterval, serverChannelMaxIdleTimeSeconds and RebalanceService.waitInterval, which the explanation names. */
  expiredAfterMs: number;
  scanIntervalMs: number;
  idleAfterMs: number;
  rebalanceIntervalMs: number;
}

/** The running brokers whose ConsumerManager lists `node` in `group`, by node. */
function listingsOf(state: ModelState, group: string, node: string): ChannelListing[] {
  const running = Object.values(state.brokers).filter((broker) => broker.status === 'running').sort((a, b) => (a.node < b.node ? -1 : 1));
  return running.flatMap((broker) => {
    const listed = Object.entries(broker.consumerTable[group]?.channels ?? {}).find(([, c]) => c.node === node);
    const drop = listed ? silentConsumerDrop(state, broker, group, listed[0]) : null;
    if (!listed || !drop) return [];
    const label = broker.brokerId === 0 ? broker.name : broker.node;
    return [{ broker: label, lastHeartbeat: listed[1].lastUpdateTimestamp, drop }];
  });
}

/** Hung consumers still listed by a running broker and holding queues of their topic, by id. */
export function hungConsumers(state: ModelState, summary: Summary): HungConsumer[] {
  const found: HungConsumer[] = [];
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer' || client.status !== 'hung' || isSystemTopic(client.spec.topic)) continue;
    const { group, topic } = client.spec;
    const listedBy = listingsOf(state, group, client.id);
    const held = Object.values(client.processQueueTable).filter((pq) => !pq.dropped && pq.mq.topic === topic).map((pq) => pq.mq);
    if (listedBy.length === 0 || held.length === 0) continue;
    held.sort((a, b) => (a.brokerName === b.brokerName ? a.queueId - b.queueId : a.brokerName < b.brokerName ? -1 : 1));
    const waiting = summary.queues
      .filter((q) => q.topic === topic && held.some((mq) => mq.brokerName === q.broker && mq.queueId === q.queueId))
      .reduce((sum, q) => sum + (q.lag[group] ?? 0), 0);
    found.push({
      kind: 'hungConsumer', consumer: client.id, group, topic, queues: held.map((mq) => `${mq.brokerName}:${mq.queueId}`), waiting, listedBy,
      expiredAfterMs: state.config.channelExpiredTimeoutMs, scanIntervalMs: state.config.clientChannelScanIntervalMs, idleAfterMs: state.config.serverChannelMaxIdleTimeMs,
      rebalanceIntervalMs: state.config.rebalanceIntervalMs,
    });
  }
  return found.sort((a, b) => (a.consumer < b.consumer ? -1 : 1));
}
