/**
 * The page's door to the simulation: what src/ui and src/viz may use of the layers below sim.
 *
 * The panels draw RocketMQ's own state (a broker's topic config table, a NameServer's route
 * tables, a consumer's offsets), so the model's state types are the page's view of time t, and a
 * few of RocketMQ's own helpers (PermName, the route-to-queue rules) say things the way RocketMQ
 * says them. Everything else in src/model and src/engine (handlers, remoting, the event queue) is
 * internal: the lint rules refuse it in ui and viz, so a change inside the model shows up here,
 * in one file, rather than in every panel.
 */
export { dict, dictFrom } from '../engine/index.ts';
export type { TraceEvent, TraceType } from '../model/events.ts';
export type { RequestCode } from '../model/remoting-types.ts';
export type { Detection, FaultRecord } from '../model/detections.ts';
export type { Scenario, TimelineAction, TimelineActionName, TopicSpec } from '../model/spec.ts';
export { everyConsumer, everyProducer } from '../model/spec.ts';
// A fault event's process or link, as the page names it (a slave by its node, a link by both ends),
// and whether an action is a broker fault (the failover record comes first after one: ui/panel-order.ts).
export { faultEvent, faultSubject, isBrokerFault } from '../model/fault-event.ts';
export * from '../model/vocabulary.ts';
export type {
  BrokerState, BrokerStatus, ClientChannelInfo, ClientState, ConsumerState, DuplicateCause, ModelState, ProducerState, SendFailedCause, NameServerState, StoredMessage,
} from '../model/state.ts';
export {
  DISPATCH_PULL_DELAY_MS, DLQ_GROUP_TOPIC_PREFIX, RETRY_GROUP_TOPIC_PREFIX, computeNotAvailableDuration, LATENCY_TABLES, MASTER_ID, NAMESRV_PORT, PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS, ROCKETMQ_4X_OVERRIDES, ROCKETMQ_DEFAULTS, SCAN_RESPONSE_LATEST_MS, registerNameServerPeriod, type ConfigKey,
  type SimConfig,
} from '../model/defaults.ts';
export { isReadable, isWriteable, perm2String, PERM_INHERIT, PERM_PRIORITY, PERM_READ, PERM_WRITE } from '../model/perm.ts';
export { silentBrokerDrop, type SilentDrop } from '../model/nameserver/silent-drop.ts';
export { silentConsumerDrop, type SilentConsumerDrop } from '../model/broker/silent-drop.ts';
export { queueLabel, topicRouteData2PublishQueues, topicRouteData2SubscribeQueues } from '../model/client/topic-route.ts';
export { compareMessageQueue } from '../model/client/message-queue.ts';
export { isNotOkStatus, retriesSetting, retryAvoidsLastBroker, sendRetriesAfter, sendTimesTotal } from '../model/client/send-retry.ts';
export { haServerAddr, openHaConnections } from '../model/broker/ha-connection.ts';
// The message card shows how RocketMQ computes its ids and its index slots.
export { decodeOffsetMsgId, parseUniqId, type UniqIdFields } from '../model/message-id.ts';
export { indexedKeys, indexSlot } from '../model/broker/index-service.ts';
export { delayLevelTokens, retryDelayLevel } from '../model/broker/delay-levels.ts';
export { rejectsPulls } from '../model/broker/slave-read.ts';
export { javaStringHashCode } from '../model/java.ts';
// The Diagnostics tab reads a tag expression as the broker does.
export { buildSubscriptionData, SUB_ALL } from '../model/filter.ts';
// Who is a broker group's master now (a controller election moves brokerId 0 to another node).
export { brokerRoles, masterOf, mastersNow, readNode, readQueueNumsOf, slaveReads, type BrokerRoleNow, type BrokerRoles } from './broker-roles.ts';
export { isSystemTopic } from './system-topics.ts';
export { clampToRun } from './clamp-to-run.ts';
// The node behind an event's brokerName/brokerId at the event's time.
export { STALE, traceBrokerNode, type BrokerNodeTable, type MasterChange } from './trace-broker-node.ts';
