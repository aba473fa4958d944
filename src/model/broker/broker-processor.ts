/**
 * The broker's request processors: SendMessageProcessor, PullMessageProcessor,
 * ConsumerManageProcessor, ClientManageProcessor (heartbeats to ProducerManager and
 * ConsumerManager), AdminBrokerProcessor's getMaxOffset and the consumer send-back path.
 */
import { dict } from '../../engine/index.ts';
import { DLQ_GROUP_TOPIC_PREFIX, RETRY_GROUP_TOPIC_PREFIX } from '../defaults.ts';
import { buildSubscriptionData } from '../filter.ts';
import { onewayRefused } from '../oneway-loss.ts';
import { reply } from '../remoting.ts';
import type { RemotingRequest, RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState, SentBackProperties, StoredMessage } from '../state.ts';
import { registerBrokerAll } from './broker.ts';
import { countRequest, incBrokerPutNums, pullAnswered, storedBy } from './broker-stats.ts';
import { readFromClient } from './client-channel-idle.ts';
import { notifyConsumerIdsChanged, registerConsumer, unregisterConsumer } from './consumer-manager.ts';
import { parseDelayLevels, retryDelayLevel } from './delay-levels.ts';
import { flushAfterPut } from './flush-service.ts';
import { groupExpression, noteSkipped, subscriptionNotLatest } from './group-subscription.ts';
import { checkInSyncReplicas, syncReplica } from './group-transfer-service.ts';
import { onHaReport, onHaTransfer, onMasterPut } from './ha-service.ts';
import { getMaxOffsetInQueue, getMessage, lookMessageByOffset, putMessage, type PutRequest } from './message-store.ts';
import { retryToDlq, sendBackToDlq } from './send-back-rules.ts';
import { registerProducer, unregisterProducer } from './producer-manager.ts';
import { holdPullRequest, notifyMessageArriving } from './pull-request-hold-service.ts';
import { pullRefusal } from './pull-refusal.ts';
import { topicQueueKey } from './queue-keys.ts';
import { onBrokerRoleChanged } from './replicas-manager.ts';
import { isScheduleServiceTask, putDelayed, updateDelayOffset } from './schedule-message-service.ts';
import { rejectsPulls } from './slave-read.ts';
import { answerSlaveSync } from './slave-synchronize.ts';
import { noteStoredBehind } from './stored-behind.ts';
import { createTopicInSendMessageMethod, ensureSystemTopic } from './topic-config-manager.ts';


export function onBrokerRequest(state: ModelState, broker: BrokerState, from: string, id: number | null, request: RemotingRequest, sim: Sim): void {
  if (broker.status !== 'running') return;
  // Read from a client's channel: activity for its idle close (client-channel-idle.ts).
  if (state.nodeKinds[from] === 'client') readFromClient(state, broker, from, sim);
  // NettyRemotingAbstract.processRequestCommand: a processor that rejects the request (rejectRequest)
  // is answered before it runs, and processes nothing.
  if (request.code === 'PULL_MESSAGE' && rejectsPulls(state, broker)) {
    if (id !== null) reply(sim, broker.node, from, id, PULL_REJECTED);
    return;
  }
  if (request.code !== 'HA_REPORT' && request.code !== 'HA_TRANSFER') countRequest(broker, request.code);
  const response = processRequest(state, broker, from, id, request, sim);
  if (response && id !== null) reply(sim, broker.node, from, id, response);
}

/**
 * Each request code's processor: its answer now, or null when it answers later (a held pull, a
 * SYNC_MASTER waiting for its slaves) or never (oneway). A return value rather than an `answer`
 * closure: this runs for every message, and a closure per call costs.
 */
function processRequest(state: ModelState, broker: BrokerState, from: string, id: number | null, request: RemotingRequest, sim: Sim): RemotingResponse | null {
  switch (request.code) {
    case 'SEND_MESSAGE': {
      const response = sendMessage(state, broker, request, sim);
      if (response.code === 'SUCCESS') return syncReplica(state, broker, from, id, response, sim);
      // A refused ONEWAY send: its answer goes nowhere, and nobody stored it.
      if (id === null) onewayRefused(state, request, broker.brokerId, sim);
      return response;
    }
    case 'HA_REPORT':
      onHaReport(state, broker, from, request, sim);
      return null;
    case 'HA_TRANSFER':
      onHaTransfer(state, broker, from, request, sim);
      return null;
    case 'NOTIFY_BROKER_ROLE_CHANGED':
      onBrokerRoleChanged(state, broker, request.replicaInfo, sim);
      return null;
    case 'GET_ALL_TOPIC_CONFIG':
    case 'GET_ALL_CONSUMER_OFFSET':
      return answerSlaveSync(broker, request);
    case 'PULL_MESSAGE':
      pullMessage(state, broker, from, id, request, sim);
      return null;
    case 'HEART_BEAT':
      heartBeat(state, broker, from, request, sim);
      return { code: 'SUCCESS' };
    case 'UNREGISTER_CLIENT':
      unregisterClient(state, broker, request, sim);
      return { code: 'SUCCESS' };
    case 'GET_CONSUMER_LIST_BY_GROUP':
      return { code: 'SUCCESS', consumerIds: Object.keys(broker.consumerTable[request.group]?.channels ?? {}) };
    case 'QUERY_CONSUMER_OFFSET': return queryConsumerOffset(broker, request);
    // AdminBrokerProcessor.getMaxOffset: the store's answer, whatever the topic's config says.
    case 'GET_MAX_OFFSET': return { code: 'SUCCESS', offset: getMaxOffsetInQueue(broker, request.topic, request.queueId) };
    case 'UPDATE_CONSUMER_OFFSET':
      commitOffset(broker, request.group, request.topic, request.queueId, request.offset);
      return { code: 'SUCCESS' };
    case 'CONSUMER_SEND_MSG_BACK': return consumerSendMsgBack(state, broker, request, sim);
    // The NameServer's requests and the one a broker sends its consumers: not a broker's to serve.
    case 'REGISTER_BROKER': case 'UNREGISTER_BROKER': case 'GET_ROUTEINFO_BY_TOPIC': case 'NOTIFY_CONSUMER_IDS_CHANGED':
    case 'BROKER_HEARTBEAT': case 'CONTROLLER_REGISTER_BROKER': case 'CONTROLLER_GET_REPLICA_INFO': case 'CONTROLLER_ELECT_MASTER':
    case 'CONTROLLER_ALTER_SYNC_STATE_SET':
      return { code: 'SYSTEM_ERROR', remark: `request code ${request.code} not supported` };
  }
}

/**
 * ClientManageProcessor.heartBeat: a CLUSTERING group gets its retry topic (one queue) on this
 * broker, registered at once; a changed group is told to rebalance.
 */
function heartBeat(state: ModelState, broker: BrokerState, from: string, request: RequestOf<'HEART_BEAT'>, sim: Sim): void {
  // Every heartbeat, not only a client's first (consumer.registered): the 30 s rhythm of heartbeatBrokerInterval shows.
  const group = request.producerData?.group ?? request.consumerData?.group;
  if (group !== undefined) {
    // A round off the 30 s rhythm says why it came; the periodic one needs no word.
    const trigger = request.trigger === 'periodic' ? {} : { trigger: request.trigger };
    sim.emit({ t: sim.now, type: 'client.heartbeat', broker: broker.name, brokerId: broker.brokerId, client: from, group, ...trigger });
  }
  if (request.producerData) registerProducer(broker, from, request.producerData.group, request.clientId, sim.now, sim);
  const data = request.consumerData;
  if (!data) return;
  const retryTopic = RETRY_GROUP_TOPIC_PREFIX + data.group;
  // ClientManageProcessor.heartBeat creates it for every consumer group, BROADCASTING ones too (they
  // never subscribe to it), on a slave too (no role test): a slave that serves the group's pulls
  // before its first SlaveSynchronize (about 61 s after a 5.x start) has it from the heartbeats.
  createTopicInSendMessageBackMethod(state, broker, retryTopic, sim);
  if (registerConsumer(broker, from, request.clientId, data, sim.now, sim)) notifyConsumerIdsChanged(state, broker, broker.consumerTable[data.group], sim);
}

/** ClientManageProcessor.unregisterClient: the producer group, the consumer group, or both. */
function unregisterClient(state: ModelState, broker: BrokerState, request: RequestOf<'UNREGISTER_CLIENT'>, sim: Sim): void {
  const { clientId, producerGroup, consumerGroup } = request;
  if (producerGroup !== null) unregisterProducer(broker, producerGroup, clientId, 'unregistered', sim);
  if (consumerGroup !== null && unregisterConsumer(broker, consumerGroup, clientId, 'unregistered', sim)) notifyConsumerIdsChanged(state, broker, broker.consumerTable[consumerGroup], sim);
}

function sendMessage(state: ModelState, broker: BrokerState, request: RequestOf<'SEND_MESSAGE'>, sim: Sim): RemotingResponse {
  // A SLAVE store rejects puts (HookUtils: "putMessage is forbidden").
  if (broker.role === 'SLAVE') return { code: 'SERVICE_NOT_AVAILABLE', remark: 'putMessage is forbidden on a slave' };
  let config = broker.topicConfigTable[request.topic];
  if (!config && state.config.autoCreateTopicEnable) {
    config = createTopicInSendMessageMethod(broker, request.topic, state.config.producerDefaultTopicQueueNums) ?? undefined;
    if (config) {
      sim.emit({ t: sim.now, type: 'topic.updated', broker: broker.name, topic: config.topicName, writeQueueNums: config.writeQueueNums, readQueueNums: config.readQueueNums, perm: config.perm, created: true, auto: true });
      registerBrokerAll(state, broker, sim, 'topicChanged');
    }
  }
  if (!config) return { code: 'TOPIC_NOT_EXIST', remark: `topic[${request.topic}] not exist, apply first please!` };
  // msgCheck: only ids beyond both counts are refused (SYSTEM_ERROR until 5.3.1, INVALID_PARAMETER from
  // 5.3.2); the topic's perm is not checked here.
  if (request.queueId >= Math.max(config.writeQueueNums, config.readQueueNums)) {
    return { code: state.config.rocketmqVersion === '4.x' ? 'SYSTEM_ERROR' : 'INVALID_PARAMETER', remark: `request queueId[${request.queueId}] is illegal` };
  }
  // CommitLog.asyncPutMessage refuses before appending when too few replicas are in sync.
  const refused = checkInSyncReplicas(state, broker, sim.now);
  if (refused) return refused;
  const { message } = request;
  if (message.sentBack) return storeSentBack(state, broker, request, message.sentBack, sim);
  const put: PutRequest = {
    msgId: message.msgId, serial: message.serial, topic: request.topic, queueId: request.queueId, tags: message.tags, keys: message.keys,
    bodyBytes: message.bodyBytes, producer: request.producer, bornTimestamp: message.beginAt, reconsumeTimes: 0,
    originTopic: request.topic, delayLevel: 0, realTopic: '', realQueueId: -1,
  };
  const stored = message.delayLevel > 0 ? putDelayed(state, broker, { ...put, delayLevel: message.delayLevel }, sim) : store(state, broker, put, sim);
  if (message.delayLevel > 0) traceStored(state, broker, stored, sim);
  incBrokerPutNums(broker, stored.topic);
  return { code: 'SUCCESS', sendStatus: 'SEND_OK', queueOffset: stored.queueOffset, offsetMsgId: stored.offsetMsgId };
}

/** Stores a message, traces it, counts it, wakes the pulls waiting on its queue and the HA service. */
function store(state: ModelState, broker: BrokerState, put: PutRequest, sim: Sim): StoredMessage {
  const message = putMessage(state, broker, put, sim.now);
  flushAfterPut(state, broker, sim);
  traceStored(state, broker, message, sim);
  if (broker.reusedBelow !== null) noteStoredBehind(state, broker, message, sim);
  notifyMessageArriving(state, broker, message.topic, message.queueId, message.tagsCode, sim);
  onMasterPut(state, broker, sim);
  return message;
}

function traceStored(state: ModelState, broker: BrokerState, message: StoredMessage, sim: Sim): void {
  // Tagged with the first put's storeId: a consumer tells a copy stored again by a producer's retry from it (consume-service.ts laterCopy).
  if (state.stats.storedIds.add(message.serial, sim.traceCount, message.storeId)) state.stats.stored++;
  storedBy(sim, broker, message);
}

/**
 * ScheduleMessageService delivering a parked message to its real topic. The timer outlives a
 * crash, as the parked message does; after a power-off cut the log back (flush-service.ts), the
 * entry at its index may be gone or be another message stored since, so it is matched by storeId.
 */
export function onScheduleDeliver(state: ModelState, event: { broker: string; scheduleEpoch: number; index: number; storeId: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  const parked = broker?.commitLog.at(event.index);
  if (!broker || parked?.storeId !== event.storeId || !isScheduleServiceTask(broker, event)) return;
  if (broker.status !== 'running') {
    sim.after(1_000, { kind: 'broker.scheduleDeliver', broker: broker.node, epoch: broker.epoch, scheduleEpoch: event.scheduleEpoch, index: event.index, storeId: event.storeId });
    return;
  }
  updateDelayOffset(broker, parked);
  store(state, broker, {
    ...parked, topic: parked.realTopic, queueId: parked.realQueueId,
    delayLevel: 0, realTopic: '', realQueueId: -1,
  }, sim);
  // PutResultProcess.onSuccess (enableScheduleMessageStats, true by default): counted under the real topic.
  incBrokerPutNums(broker, parked.realTopic);
}

function pullMessage(state: ModelState, broker: BrokerState, from: string, id: number | null, request: RequestOf<'PULL_MESSAGE'>, sim: Sim): void {
  if (id === null) return;
  const config = broker.topicConfigTable[request.topic];
  const refusal = pullRefusal(state, config, request);
  if (refusal) return reply(sim, broker.node, from, id, refusal);
  const expression = groupExpression(broker, request);
  if (typeof expression !== 'string') return reply(sim, broker.node, from, id, expression);
  if (subscriptionNotLatest(broker, request)) return reply(sim, broker.node, from, id, { code: 'SUBSCRIPTION_NOT_LATEST', remark: 'the consumer\'s subscription not latest' });
  tryCommitOffset(state, broker, request);
  // Nothing stored at the offset yet (a consumer keeping up, as most pulls are): getMessage would
  // find nothing and leave the offset where it is, so the pull is parked without reading.
  if (request.queueOffset >= 0 && request.queueOffset === (broker.consumeQueues[request.topic]?.[request.queueId]?.length ?? 0)) {
    return holdPullRequest(state, broker, from, id, request, expression, sim);
  }
  const subscription = buildSubscriptionData(expression);
  const found = getMessage(broker, request.topic, request.queueId, request.queueOffset, Math.min(request.maxMsgNums, state.config.pullBatchSize), subscription);
  // An offset beyond the queue's end (OFFSET_OVERFLOW_BADLY, or NO_MESSAGE_IN_QUEUE: a master that
  // lost its tail to a power loss) is PULL_OFFSET_MOVED (PullMessageProcessor), with the end as
  // nextBeginOffset (DefaultMessageStore.nextOffsetCorrection). A slave (offsetCheckInSlave false)
  // never moves the consumer: DefaultPullMessageResultHandler answers PULL_RETRY_IMMEDIATELY with
  // the requested offset, so the consumer asks again from there.
  if (request.queueOffset > found.maxOffset) {
    return reply(sim, broker.node, from, id, broker.role === 'SLAVE'
      ? { code: 'PULL_RETRY_IMMEDIATELY', nextBeginOffset: request.queueOffset, maxOffset: found.maxOffset }
      : { code: 'PULL_OFFSET_MOVED', nextBeginOffset: found.maxOffset, maxOffset: found.maxOffset });
  }
  if (found.messages.length > 0 || found.nextBeginOffset !== request.queueOffset) {
    noteSkipped(state, broker, request, expression, found.nextBeginOffset, sim);
    reply(sim, broker.node, from, id, found.messages.length > 0
      ? { code: 'SUCCESS', messages: pullAnswered(broker, request.group, request.topic, found.messages), nextBeginOffset: found.nextBeginOffset, maxOffset: found.maxOffset }
      : { code: 'PULL_NOT_FOUND', nextBeginOffset: found.nextBeginOffset, maxOffset: found.maxOffset });
    return;
  }
  holdPullRequest(state, broker, from, id, request, expression, sim);
}

/** NettyRemotingAbstract.processRequestCommand's answer to a request its processor rejects (rejectRequest). */
const PULL_REJECTED: RemotingResponse = { code: 'SYSTEM_BUSY', remark: '[REJECTREQUEST]system busy, start flow control for a while' };

/**
 * PullMessageProcessor.tryCommitOffset: the offset a pull carries (its commitOffset flag) becomes the
 * group's, on the pull's first processing only (a held pull answered later does not commit). 4.x
 * skips it on a slave (BrokerRole.SLAVE); 5.x takes it on either.
 */
function tryCommitOffset(state: ModelState, broker: BrokerState, request: RequestOf<'PULL_MESSAGE'>): void {
  if (request.commitOffset <= 0 || (broker.role === 'SLAVE' && state.config.rocketmqVersion === '4.x')) return;
  commitOffset(broker, request.group, request.topic, request.queueId, request.commitOffset);
}

/** ConsumerOffsetManager.commitOffset: the group's offset of one queue, as an UPDATE_CONSUMER_OFFSET or a pull sets it. */
function commitOffset(broker: BrokerState, group: string, topic: string, queueId: number, offset: number): void {
  (broker.consumerOffsetTable[group] ??= dict())[topicQueueKey(topic, queueId)] = offset;
}

/** ConsumerManageProcessor.queryConsumerOffset: a group with no offset on a queue still in memory gets 0. */
function queryConsumerOffset(broker: BrokerState, request: RequestOf<'QUERY_CONSUMER_OFFSET'>): RemotingResponse {
  const offset = broker.consumerOffsetTable[request.group]?.[topicQueueKey(request.topic, request.queueId)];
  if (offset !== undefined) return { code: 'SUCCESS', offset };
  // minOffset <= 0 and offset 0 not yet swapped out of the page cache: answer 0, not "not found".
  return { code: 'SUCCESS', offset: 0 };
}

/**
 * TopicConfigManager.createTopicInSendMessageBackMethod: a group's retry topic (at its heartbeat)
 * or dead-letter topic (at its first message there) is created with one queue, RW, and registered
 * with the NameServers at once (registerBrokerData; a slave's topics make no route while its
 * master is registered, RouteInfoManager.registerBroker). Only a master's creation is traced: the
 * event names the broker, not the replica, and the slave's copy is the master's.
 */
function createTopicInSendMessageBackMethod(state: ModelState, broker: BrokerState, topic: string, sim: Sim): void {
  if (broker.topicConfigTable[topic]) return;
  ensureSystemTopic(broker, topic);
  const { writeQueueNums, readQueueNums, perm } = broker.topicConfigTable[topic]!;
  if (broker.role !== 'SLAVE') sim.emit({ t: sim.now, type: 'topic.updated', broker: broker.name, topic, writeQueueNums, readQueueNums, perm, created: true, auto: true });
  registerBrokerAll(state, broker, sim, 'topicChanged');
}

/**
 * SendMessageProcessor.handleRetryAndDLQ: a consumer's own producer sent a failed message to
 * %RETRY%<group> (send-back-fallback.ts). retryToDlq sends it to %DLQ%<group>; otherwise it waits
 * for its delay level, capped at the highest (CommitLog.asyncPutMessage).
 */
function storeSentBack(state: ModelState, broker: BrokerState, request: RequestOf<'SEND_MESSAGE'>, sentBack: SentBackProperties, sim: Sim): RemotingResponse {
  const { message } = request;
  const group = request.topic.slice(RETRY_GROUP_TOPIC_PREFIX.length);
  const put: PutRequest = {
    msgId: message.msgId, serial: message.serial, topic: request.topic, queueId: request.queueId, tags: message.tags, keys: message.keys,
    bodyBytes: message.bodyBytes, producer: sentBack.producer, bornTimestamp: sentBack.bornTimestamp, reconsumeTimes: sentBack.reconsumeTimes,
    originTopic: sentBack.originTopic, delayLevel: 0, realTopic: '', realQueueId: -1,
  };
  if (retryToDlq(state, sentBack.reconsumeTimes, sentBack.maxReconsumeTimes)) {
    state.stats.toDlq++;
    createTopicInSendMessageBackMethod(state, broker, DLQ_GROUP_TOPIC_PREFIX + group, sim);
    const stored = store(state, broker, { ...put, topic: DLQ_GROUP_TOPIC_PREFIX + group, queueId: 0 }, sim);
    incBrokerPutNums(broker, stored.topic);
    return { code: 'SUCCESS', sendStatus: 'SEND_OK', queueOffset: stored.queueOffset, offsetMsgId: stored.offsetMsgId };
  }
  state.stats.toRetry++;
  const delayLevel = Math.min(message.delayLevel, parseDelayLevels(state.config.messageDelayLevel).length);
  const parked = putDelayed(state, broker, { ...put, delayLevel }, sim);
  traceStored(state, broker, parked, sim);
  incBrokerPutNums(broker, parked.topic);
  return { code: 'SUCCESS', sendStatus: 'SEND_OK', queueOffset: parked.queueOffset, offsetMsgId: parked.offsetMsgId };
}

/**
 * The consumer send-back path: retry topic with delay level 3 + reconsumeTimes, DLQ after
 * maxReconsumeTimes. Both read the broker's stored copy at the request's commit log offset
 * (lookMessageByOffset), not the consumer's: a consumer whose earlier send-back failed raised its
 * own copy's reconsumeTimes when it consumed the message again (consume-service.ts reconsumeLater).
 * A broker that does not hold the offset answers SYSTEM_ERROR, and the consumer's own producer
 * sends the message instead (send-back-fallback.ts).
 */
function consumerSendMsgBack(state: ModelState, broker: BrokerState, request: RequestOf<'CONSUMER_SEND_MSG_BACK'>, sim: Sim): RemotingResponse {
  // A slave's store refuses puts: the send-back path answers SYSTEM_ERROR with the put status.
  if (broker.role === 'SLAVE') return { code: 'SYSTEM_ERROR', remark: 'SERVICE_NOT_AVAILABLE' };
  const { group } = request;
  const offset = request.message.commitLogOffset;
  const message = lookMessageByOffset(broker, offset);
  if (!message) return { code: 'SYSTEM_ERROR', remark: `look message by offset failed, ${offset}` };
  const base: PutRequest = {
    msgId: message.msgId, serial: message.serial, topic: '', queueId: 0, tags: message.tags, keys: message.keys,
    bodyBytes: message.bodyBytes, producer: message.producer, bornTimestamp: message.bornTimestamp,
    reconsumeTimes: message.reconsumeTimes + 1, originTopic: message.originTopic, delayLevel: 0, realTopic: '', realQueueId: -1,
  };
  if (sendBackToDlq(message, request.maxReconsumeTimes, request.delayLevel)) {
    state.stats.toDlq++;
    createTopicInSendMessageBackMethod(state, broker, DLQ_GROUP_TOPIC_PREFIX + group, sim);
    store(state, broker, { ...base, topic: DLQ_GROUP_TOPIC_PREFIX + group }, sim);
    return { code: 'SUCCESS' };
  }
  state.stats.toRetry++;
  const delayLevel = request.delayLevel === 0 ? retryDelayLevel(message.reconsumeTimes, parseDelayLevels(state.config.messageDelayLevel).length) : request.delayLevel;
  const parked = putDelayed(state, broker, { ...base, topic: RETRY_GROUP_TOPIC_PREFIX + group, delayLevel }, sim);
  traceStored(state, broker, parked, sim);
  return { code: 'SUCCESS' };
}
