/**
 * DefaultMQProducer: sends at a rate, picks a queue from its TopicPublishInfo, retries on another
 * broker within sendMsgTimeout (DefaultMQProducerImpl.sendDefaultImpl), heartbeats the masters
 * it knows (heartbeat.ts) and unregisters from them when shut down.
 */
import { AUTO_CREATE_TOPIC_KEY_TOPIC, MASTER_ID } from '../defaults.ts';
import { noticed, sendFailed } from '../detections.ts';
import { DEFAULT_CLASS_LOADER_HASH, parseIpv4, uniqIdAfter, uniqIdPrefix } from '../message-id.ts';
import { onewayNotDelivered } from '../oneway-loss.ts';
import type { RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { FailureReason, SendFailedReason, SendStatus } from '../vocabulary.ts';
import { isNotOkStatus, sendRetriesAfter, sendTimesTotal } from './send-retry.ts';
import { INVOKE_ASYNC, invoke, oneway } from '../remoting.ts';
import type { Sim } from '../sim-types.ts';
import type { ModelState, PendingRequest, ProducerState, SendFailedCause, SendInFlight, TopicRouteData } from '../state.ts';
import { traceMessageSent, traceSendResult } from '../trace-writer.ts';
import { createPublishInfo, selectOneMessageQueue, selectWithFaultTolerance, updateFaultItem, type FaultUpdate } from './fault-strategy.ts';
import { scheduleHeartbeat, unregisterClient } from './heartbeat.ts';
import { isLive, queryRoute, startClientInstance, type RouteListener } from './mq-client-instance.ts';
import type { MessageQueue } from './message-queue.ts';
import { findBrokerAddr, topicRouteData2PublishQueues } from './topic-route.ts';


export function startProducer(state: ModelState, producer: ProducerState, sim: Sim): void {
  startClientInstance(state, producer, sim);
  producer.pid = 1_000 + sim.rng.nextInt(60_000);
  producer.msgIdPrefix = uniqIdPrefix(parseIpv4(producer.spec.ip), producer.pid, DEFAULT_CLASS_LOADER_HASH);
  scheduleHeartbeat(state, producer, sim);
  setProducerRate(producer, producer.ratePerSec, sim);
}

/** DefaultMQProducerImpl.shutdown: unregisterProducer (UNREGISTER_CLIENT to every broker), then close. */
export function shutdownProducer(state: ModelState, producer: ProducerState, sim: Sim): void {
  if (producer.status !== 'running') return;
  unregisterClient(state, producer, sim);
  producer.status = 'stopped';
  sim.net.stop(producer.id);
}

export function setProducerRate(producer: ProducerState, ratePerSec: number, sim: Sim): void {
  producer.ratePerSec = ratePerSec;
  producer.rateEpoch++;
  producer.rateStartAt = sim.now;
  producer.rateCount = 0;
  scheduleNextSend(producer, sim);
}

function scheduleNextSend(producer: ProducerState, sim: Sim): void {
  if (producer.ratePerSec <= 0) return;
  const meanGap = 1_000 / producer.ratePerSec;
  // Constant rate: exact average with integer times; Poisson: exponential gaps from the PRNG.
  const at = producer.spec.arrival === 'poisson'
    ? sim.now + Math.round(sim.rng.nextExponential(meanGap))
    : producer.rateStartAt + Math.round((producer.rateCount + 1) * meanGap);
  sim.schedule(Math.max(at, sim.now), { kind: 'producer.send', client: producer.id, epoch: producer.epoch, rateEpoch: producer.rateEpoch });
}

export function onSendTimer(state: ModelState, event: { client: string; epoch: number; rateEpoch: number }, sim: Sim): void {
  const producer = state.clients[event.client];
  if (!isLive(producer, event.epoch) || producer.kind !== 'producer' || producer.rateEpoch !== event.rateEpoch) return;
  producer.rateCount++;
  sendDefaultImpl(state, producer, newMessage(producer, sim), sim);
  scheduleNextSend(producer, sim);
}

/** The client msgId is set once (MessageClientIDSetter) and is the same on every retry. */
function newMessage(producer: ProducerState, sim: Sim): SendInFlight {
  const { spec } = producer;
  const n = producer.sequence++;
  // The virtual run starts at the first instant of a month: the time since then is sim.now.
  const msgId = uniqIdAfter(producer.msgIdPrefix, sim.now, producer.counter++ & 0xffff);
  return {
    msgId,
    serial: sim.state.stats.nextSerial++,
    tags: spec.tags.length > 0 ? spec.tags[n % spec.tags.length]! : '',
    keys: spec.keyPrefix ? `${spec.keyPrefix}-${n}` : '',
    bodyBytes: spec.bodyBytes,
    delayLevel: spec.delayLevel,
    beginAt: sim.now,
    sendMode: spec.sendMode,
  };
}

/** One attempt of a send: which one, where to, and the message (the same object on every retry). */
type SendRequest = RequestOf<'SEND_MESSAGE'>;

/** What sendDefaultImpl's loop carries from one attempt to the next. */
type PreviousAttempt = Pick<SendRequest, 'attempt' | 'brokerName' | 'queueId' | 'sendResult'>;

function sendDefaultImpl(state: ModelState, producer: ProducerState, message: SendInFlight, sim: Sim): void {
  state.stats.sent++;
  // validateNameServerSetting: with no NameServer address there is no route to ask for, and send()
  // throws "No name server address, please set it." without trying a broker.
  if (producer.namesrvAddrList.length === 0) return fail(state, producer, message, 'noNameServer', sim);
  // tryToFindTopicPublishInfo: no cached route, or one with no queue to write to (!ok()) -> ask the
  // NameServer first, at every send until a route offers a queue.
  if (!producer.publishInfo[producer.spec.topic]?.messageQueueList.length) {
    producer.waitingForRoute.push(message);
    if (producer.waitingForRoute.length === 1) queryRoute(state, producer, producer.spec.topic, sim);
    return;
  }
  sendAttempt(state, producer, message, null, sim);
}

/** The attempt after `previous` (null for the first), avoiding the broker it went to when it can. */
function sendAttempt(state: ModelState, producer: ProducerState, message: SendInFlight, previous: PreviousAttempt | null, sim: Sim): void {
  const topic = producer.spec.topic;
  const info = producer.publishInfo[topic];
  const attemptsBefore = previous?.attempt ?? 0;
  const sendResult = previous?.sendResult;
  // Before any attempt the route offered nothing ("No route info of this topic"); after one, the attempts ran out of queues.
  const noQueue: SendFailedCause = attemptsBefore === 0 ? 'noRoute' : 'attemptsFailed';
  if (!info || info.messageQueueList.length === 0) return endAttempts(state, producer, message, sendResult, noQueue, sim);
  // sendDefaultImpl: `if (timeout < costTime) callTimeout`. After waiting out a whole timeout the
  // real clock is always past it; on the integer virtual clock an exhausted budget must stop too.
  if (sim.now - message.beginAt >= state.config.sendMsgTimeoutMs) return endAttempts(state, producer, message, sendResult, attemptsBefore === 0 ? 'routeTimeout' : 'attemptsFailed', sim);
  const selected = selectQueue(state, producer, message, previous, sim);
  if (!selected) return endAttempts(state, producer, message, sendResult, noQueue, sim);
  // An ASYNC retry (MQClientAPIImpl.onExceptionImpl) sends the same request to the broker chosen: the queue id stays.
  const mq = message.sendMode === 'ASYNC' && previous ? { topic, brokerName: selected.brokerName, queueId: previous.queueId } : selected;
  const attempt = attemptsBefore + 1;
  state.stats.attempts++;
  traceMessageSent(sim, producer.id, message, topic, mq, attempt);
  const request: SendRequest = { code: 'SEND_MESSAGE', producer: producer.id, topic, queueId: mq.queueId, brokerName: mq.brokerName, message, attempt, sendResult };
  const addr = findBrokerAddr(producer.brokerAddrTable[mq.brokerName], true);
  const node = addr !== null ? state.addrNodes[addr] : undefined;
  if (node === undefined) {
    // sendKernelImpl throws MQClientException ("The broker[...] not exist"), which 4.9.8 counts as an isolation.
    fault(state, producer, mq.brokerName, { latencyMs: 0, isolation: state.config.rocketmqVersion === '4.x', reachable: true }, sim);
    return attemptFailed(state, producer, request, 'brokerNotExist', sim);
  }
  // sendDefaultImpl updates the fault item when sendKernelImpl returns, which an ASYNC or ONEWAY send
  // does at once: a latency of 0, which in 4.x ends an isolation (5.x only marks the broker reachable).
  if (message.sendMode !== 'SYNC') fault(state, producer, mq.brokerName, { latencyMs: 0, isolation: false, reachable: true }, sim);
  if (message.sendMode === 'ONEWAY') {
    // On the way it is stored, or lost if its broker dies or is cut off first, or its connect fails
    // (invokeOneway drops it on the connect's listener, silently; oneway-loss.ts).
    if (oneway(sim, producer.id, node, request) === 'dropped') onewayNotDelivered(state, request, sim);
    return;
  }
  // An ASYNC send is invokeAsync: no timer of its own, scanResponseTable fails it 1-2 s after its budget.
  invoke(sim, producer.id, node, request, state.config.sendMsgTimeoutMs - (sim.now - message.beginAt), message.sendMode === 'ASYNC' ? INVOKE_ASYNC : undefined);
}

/** Traces a failed attempt and counts it by its reason; `to`: the broker process the attempt went to, if it went anywhere. */
function traceSendFailed(state: ModelState, producer: ProducerState, request: SendRequest, reason: SendFailedReason, sim: Sim, to?: string): void {
  const { stats } = state;
  const { brokerName: broker, queueId } = request;
  stats.failedAttempts++;
  stats.failedAttemptReasons[reason] = (stats.failedAttemptReasons[reason] ?? 0) + 1;
  sim.emit({ t: sim.now, type: 'send.failed', producer: producer.id, msgId: request.message.msgId, broker, queueId, attempt: request.attempt, reason });
  // The master this producer's route names, or, when the route has none, whichever broker process of that name holds brokerId 0.
  const addr = producer.brokerAddrTable[broker]?.[MASTER_ID];
  const node = addr === undefined ? Object.values(state.brokers).find((b) => b.name === broker && b.brokerId === MASTER_ID)?.node : state.addrNodes[addr];
  if (node !== undefined) noticed(state, node, producer.id, sim.now, { how: 'sendFailed', detail: reason });
  // An attempt that timed out went to the process its route named when sent, which a newer route may no longer name.
  const process = to ?? node;
  if (process !== undefined) sendFailed(state, process, producer.id, reason, sim.now);
}

/**
 * MQFaultStrategy.selectOneMessageQueue: with sendLatencyFaultEnable by the fault items, where a
 * SYNC retry resets the index (sendDefaultImpl's resetIndex; an ASYNC retry does not).
 */
function selectQueue(state: ModelState, producer: ProducerState, message: SendInFlight, previous: PreviousAttempt | null, sim: Sim): MessageQueue | undefined {
  const info = producer.publishInfo[producer.spec.topic]!;
  const lastBrokerName = previous?.brokerName ?? null;
  if (!state.config.sendLatencyFaultEnable) return selectOneMessageQueue(info, lastBrokerName);
  return selectWithFaultTolerance(info, {
    tolerance: producer.latencyFaultTolerance, lastBrokerName, resetIndex: previous !== null && message.sendMode === 'SYNC',
    now: sim.now, version: state.config.rocketmqVersion, rng: sim.rng,
  });
}

/** MQFaultStrategy.updateFaultItem, which does nothing without sendLatencyFaultEnable. */
function fault(state: ModelState, producer: ProducerState, brokerName: string, update: FaultUpdate, sim: Sim): void {
  if (state.config.sendLatencyFaultEnable) updateFaultItem(producer.latencyFaultTolerance, brokerName, update, sim.now, state.config.rocketmqVersion);
}

/** A failed attempt: the next one if the send goes on after it, else the end of the send. */
function attemptFailed(state: ModelState, producer: ProducerState, request: SendRequest, reason: SendFailedReason, sim: Sim, to?: string): void {
  const { message, attempt, brokerName, queueId } = request;
  traceSendFailed(state, producer, request, reason, sim, to);
  // A not-OK store retried on another broker is the SendResult the send returns if no later attempt stores.
  const sendResult = isNotOkStatus(reason) ? reason : request.sendResult;
  if (sendRetriesAfter(reason, message.sendMode) && attempt < sendTimesTotal(state.config, message.sendMode)) {
    sendAttempt(state, producer, message, { attempt, brokerName, queueId, sendResult }, sim);
  } else {
    endAttempts(state, producer, message, sendResult, 'attemptsFailed', sim);
  }
}

/**
 * The end of sendDefaultImpl's attempts without SEND_OK: `if (sendResult != null) return sendResult`,
 * the last not-OK SendResult an attempt got, else send() throws.
 */
function endAttempts(state: ModelState, producer: ProducerState, message: SendInFlight, sendResult: SendStatus | undefined, cause: SendFailedCause, sim: Sim): void {
  if (sendResult === undefined) return fail(state, producer, message, cause, sim);
  returned(state, producer, message, sendResult, sim);
}

/** send() returns a SendResult with this status. */
function returned(state: ModelState, producer: ProducerState, message: SendInFlight, status: SendStatus, sim: Sim): void {
  if (status !== 'SEND_OK') state.stats.notOkResults[status] = (state.stats.notOkResults[status] ?? 0) + 1;
  traceSendResult(sim, producer.id, message.msgId, status);
}

/** send() throws: the send ends FAILED, counted by why. */
function fail(state: ModelState, producer: ProducerState, message: SendInFlight, cause: SendFailedCause, sim: Sim): void {
  const { stats } = state;
  stats.failed++;
  stats.failedCauses[cause] = (stats.failedCauses[cause] ?? 0) + 1;
  traceSendResult(sim, producer.id, message.msgId, 'FAILED');
}

function producerOf(state: ModelState, pending: PendingRequest): ProducerState | null {
  const client = state.clients[pending.from];
  return client?.kind === 'producer' && client.status === 'running' ? client : null;
}

export function onSendResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
  const producer = producerOf(state, pending);
  if (!producer || pending.request.code !== 'SEND_MESSAGE') return;
  const request = pending.request;
  const { message } = request;
  const stored = response.code === 'SUCCESS';
  // An error answer (MQBrokerException) isolates the broker; in 5.x a SYNC send's also makes it unreachable.
  fault(state, producer, request.brokerName, { latencyMs: sim.now - pending.sentAt, isolation: !stored, reachable: stored || message.sendMode !== 'SYNC' }, sim);
  if (!stored) return attemptFailed(state, producer, request, response.code, sim, pending.to);
  const status = response.sendStatus ?? 'SEND_OK';
  const retry = status !== 'SEND_OK' && state.config.retryAnotherBrokerWhenNotStoreOK && message.sendMode === 'SYNC';
  if (retry) return attemptFailed(state, producer, request, status, sim, pending.to);
  returned(state, producer, message, status, sim);
}

export function onSendFailure(state: ModelState, pending: PendingRequest, reason: FailureReason, sim: Sim): void {
  if (pending.request.code !== 'SEND_MESSAGE') return;
  const stopped = state.clients[pending.from];
  // Shut down with a send still open: the caller's invokeSync runs out its timeout and send()
  // throws (the client is closed, so there is no retry). The message did fail.
  if (stopped?.kind === 'producer' && stopped.status === 'stopped') return fail(state, stopped, pending.request.message, 'shutdown', sim);
  const producer = producerOf(state, pending);
  if (!producer) return;
  fault(state, producer, pending.request.brokerName, { latencyMs: sim.now - pending.sentAt, isolation: true, reachable: true }, sim);
  attemptFailed(state, producer, pending.request, reason, sim, pending.to);
}

function rebuildPublishInfo(producer: ProducerState, route: TopicRouteData, fromDefaultTopic: boolean, sim: Sim): void {
  const topic = producer.spec.topic;
  producer.publishInfo[topic] = createPublishInfo(topicRouteData2PublishQueues(topic, route), sim.rng, fromDefaultTopic);
}

function flushWaiting(state: ModelState, producer: ProducerState, sim: Sim): void {
  const waiting = producer.waitingForRoute;
  producer.waitingForRoute = [];
  for (const message of waiting) {
    if (producer.publishInfo[producer.spec.topic]) sendAttempt(state, producer, message, null, sim);
    else fail(state, producer, message, 'noRoute', sim); // "No route info of this topic"
  }
}

export const producerRouteListener: RouteListener = {
  onRouteChanged(_state, client, topic, route, sim, fromDefaultTopic) {
    if (client.kind === 'producer' && topic === client.spec.topic) rebuildPublishInfo(client, route, fromDefaultTopic, sim);
  },
  onRouteAnswered(state, client, topic, found, sim) {
    if (client.kind !== 'producer' || client.waitingForRoute.length === 0) return;
    // No route for the topic, nor ever one (isHaveTopicRouterInfo): fall back to TBW102's route (isDefault = true), once.
    if (!found && topic === client.spec.topic && topic !== AUTO_CREATE_TOPIC_KEY_TOPIC && !client.publishInfo[topic]) {
      queryRoute(state, client, AUTO_CREATE_TOPIC_KEY_TOPIC, sim, { defaultFor: client.spec.topic });
      return;
    }
    flushWaiting(state, client, sim);
  },
  onRouteFailed(state, client, _topic, sim) {
    if (client.kind === 'producer' && client.waitingForRoute.length > 0) flushWaiting(state, client, sim);
  },
  onRoundFinished() {},
};
