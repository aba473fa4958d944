/**
 * DefaultMQPushConsumerImpl.sendMessageBack's fallback: when consumerSendMessageBack throws (no
 * master for the broker the message came from, an error answer, a timeout), the client's own
 * producer (MQClientInstance.getDefaultMQProducer) sends the message as an ordinary one to
 * %RETRY%<group> (sendMessageBackAsNormalMessage): same msgId (the copied properties hold its
 * UNIQ_KEY), RECONSUME_TIME one up, delay level 3 + reconsumeTimes. It is a SYNC send, so it may
 * try another broker within sendMsgTimeout (sendDefaultImpl), and the broker applies the DLQ rule
 * to it (SendMessageProcessor.handleRetryAndDLQ). Only when this send fails too does the consumer
 * consume the message again itself (processConsumeResult's msgBackFailed).
 *
 * Its sends are not traced as message.sent (the trace's sends are the scenario's producers'); the
 * broker's store of the retry (or DLQ) copy is.
 */
import type { RemotingResponse, RequestOf, SentBackOrigin } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState, PendingRequest, SendInFlight } from '../state.ts';
import type { SendFailedReason } from '../vocabulary.ts';
import { invoke } from '../remoting.ts';
import { releaseSentBack, reconsumeLater } from './consume-service.ts';
import { createPublishInfo, selectOneMessageQueue } from './fault-strategy.ts';
import { findBrokerAddr, topicRouteData2PublishQueues } from './topic-route.ts';
import { sendRetriesAfter, sendTimesTotal } from './send-retry.ts';

type FallbackRequest = RequestOf<'SEND_MESSAGE'> & { sentBack: SentBackOrigin };

/** sendMessageBackAsNormalMessage: the message as the client's producer sends it. */
export function sendBackAsNormalMessage(state: ModelState, consumer: ConsumerState, origin: SentBackOrigin, sim: Sim): void {
  const { message } = origin;
  const send: SendInFlight = {
    msgId: message.msgId, serial: message.serial, tags: message.tags, keys: message.keys, bodyBytes: message.bodyBytes,
    delayLevel: 3 + message.reconsumeTimes, beginAt: sim.now, sendMode: 'SYNC',
    sentBack: {
      reconsumeTimes: message.reconsumeTimes + 1, maxReconsumeTimes: state.config.maxReconsumeTimes, originTopic: message.originTopic,
      producer: message.producer, bornTimestamp: message.bornTimestamp,
    },
  };
  attempt(state, consumer, send, origin, null, sim);
}

/**
 * The producer's TopicPublishInfo of the retry topic, from the client's route (its consumer
 * subscribes the retry topic, so the client instance keeps its route fresh); null without one,
 * where RocketMQ's send would ask a NameServer first (not modelled: the send fails here).
 */
function publishInfo(consumer: ConsumerState, sim: Sim) {
  const route = consumer.topicRouteTable[consumer.retryTopic];
  if (!route) return null;
  consumer.innerPublishInfo ??= createPublishInfo(topicRouteData2PublishQueues(consumer.retryTopic, route), sim.rng, false);
  return consumer.innerPublishInfo;
}

/** The attempt after `previous` (null for the first), on another broker when there is one (selectOneMessageQueue). */
function attempt(state: ModelState, consumer: ConsumerState, send: SendInFlight, origin: SentBackOrigin, previous: Pick<FallbackRequest, 'attempt' | 'brokerName'> | null, sim: Sim): void {
  const elapsed = sim.now - send.beginAt;
  const info = publishInfo(consumer, sim);
  const mq = info && elapsed < state.config.sendMsgTimeoutMs ? selectOneMessageQueue(info, previous?.brokerName ?? null) : undefined;
  if (!mq) return reconsumeLater(state, consumer, origin, sim);
  const request: FallbackRequest = {
    code: 'SEND_MESSAGE', producer: consumer.id, topic: consumer.retryTopic, queueId: mq.queueId, brokerName: mq.brokerName,
    message: send, attempt: (previous?.attempt ?? 0) + 1, sendResult: undefined, sentBack: origin,
  };
  const addr = findBrokerAddr(consumer.brokerAddrTable[mq.brokerName], true);
  const node = addr === null ? undefined : state.addrNodes[addr];
  if (node === undefined) return attemptFailed(state, consumer, request, 'brokerNotExist', sim);
  invoke(sim, consumer.id, node, request, state.config.sendMsgTimeoutMs - elapsed);
}

/** sendDefaultImpl's loop: another attempt if the reason allows one and attempts are left, else the local retry. */
function attemptFailed(state: ModelState, consumer: ConsumerState, request: FallbackRequest, reason: SendFailedReason, sim: Sim): void {
  if (sendRetriesAfter(reason, 'SYNC') && request.attempt < sendTimesTotal(state.config, 'SYNC')) {
    return attempt(state, consumer, request.message, request.sentBack, request, sim);
  }
  reconsumeLater(state, consumer, request.sentBack, sim);
}

/** The consumer that sent this fallback and still runs, with its request; else null. */
function fallbackOf(state: ModelState, pending: PendingRequest): { consumer: ConsumerState; request: FallbackRequest } | null {
  const consumer = state.clients[pending.from];
  const request = pending.request;
  if (consumer?.kind !== 'consumer' || consumer.status !== 'running' || request.code !== 'SEND_MESSAGE' || !request.sentBack) return null;
  return { consumer, request: request as FallbackRequest };
}

/** Whether a SEND_MESSAGE is a consumer's fallback, answered here rather than by a producer. */
export function isSentBackAsNormal(pending: PendingRequest): boolean {
  return pending.request.code === 'SEND_MESSAGE' && pending.request.sentBack !== undefined;
}

export const sentBackAsNormalHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    const owner = fallbackOf(state, pending);
    if (!owner) return;
    if (response.code === 'SUCCESS') releaseSentBack(owner.consumer, owner.request.sentBack);
    else attemptFailed(state, owner.consumer, owner.request, response.code, sim);
  },
  onFailure(state: ModelState, pending: PendingRequest, reason: SendFailedReason, sim: Sim): void {
    const owner = fallbackOf(state, pending);
    if (owner) attemptFailed(state, owner.consumer, owner.request, reason, sim);
  },
};
