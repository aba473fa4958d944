/**
 * The whole model state of a run: plain data only (objects, arrays, append logs), so that a
 * snapshot is a copy and a restore is exact. Names follow RocketMQ's classes.
 */
import type { AppendLog, MarkSet, SerialMarkSet } from '../engine/index.ts';
import type { SimConfig } from './defaults.ts';
import type { MessageQueue } from './client/message-queue.ts';
import type { BrokerSpec, ConsumerSpec, ProducerSpec } from './spec.ts';
import type { HeartbeatTrigger, MessageLostReason, MessageModel, NotOkStatus, SendMode } from './vocabulary.ts';
import type { Detection, FaultRecord } from './detections.ts';
import type { Connect } from './connect.ts';
import type { RemotingRequest, RemotingResponse } from './remoting-types.ts';

/** QueueData (remoting/protocol/route/QueueData). */
export interface QueueData {
  brokerName: string;
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
}

/** BrokerData: brokerAddrs maps brokerId to "ip:port" (a HashMap<Long,String>: lowest id first). */
export interface BrokerData {
  cluster: string;
  brokerName: string;
  brokerAddrs: Record<number, string>;
}

/** TopicRouteData: what GET_ROUTEINFO_BY_TOPIC returns. */
export interface TopicRouteData {
  queueDatas: QueueData[];
  brokerDatas: BrokerData[];
}

/** BrokerLiveInfo, keyed in brokerLiveTable by broker address. */
interface BrokerLiveInfo {
  lastUpdateTimestamp: number;
  heartbeatTimeoutMillis: number;
  dataVersion: number;
  /** DataVersion.stateVersion: the master epoch in controller mode; a lower one cannot take a brokerId held by a higher. */
  stateVersion: number;
  /** The network node of the broker's channel, to find the entry again when it closes. */
  node: string;
  brokerName: string;
  brokerId: number;
  cluster: string;
}

export interface NameServerState {
  id: string;
  ip: string;
  up: boolean;
  epoch: number;
  /** RouteInfoManager's tables. */
  topicQueueTable: Record<string, Record<string, QueueData>>;
  brokerAddrTable: Record<string, BrokerData>;
  clusterAddrTable: Record<string, string[]>;
  brokerLiveTable: Record<string, BrokerLiveInfo>;
  /** Virtual time of the next scanNotActiveBroker run (for the countdown in the page). */
  nextScanAt: number;
  /** Broker channels by peer node: when each opened and was last read or written (IdleStateHandler). */
  brokerChannels: Record<string, { openedAt: number; lastActivity: number }>;
}

/** TopicConfig on a broker. */
export interface TopicConfig {
  topicName: string;
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
}

/** One message as stored in a broker's CommitLog. Immutable once stored. */
export interface StoredMessage {
  msgId: string;
  /** SendInFlight.serial of the message this is a copy of. */
  serial: number;
  offsetMsgId: string;
  topic: string;
  queueId: number;
  queueOffset: number;
  commitLogOffset: number;
  size: number;
  /** The body alone: a retry or a delayed message is stored again with the same body. */
  bodyBytes: number;
  tags: string;
  tagsCode: number;
  keys: string;
  producer: string;
  bornTimestamp: number;
  storeTimestamp: number;
  reconsumeTimes: number;
  /** For retry and DLQ copies: the topic the message was first sent to. */
  originTopic: string;
  /** For a message parked in SCHEDULE_TOPIC_XXXX: its level and where it goes when due (else 0, "", -1). */
  delayLevel: number;
  realTopic: string;
  realQueueId: number;
  /** Which put stored it (MessageStats.nextStoreId): a slave's replica has its master's, so two logs hold the same entry when these match. */
  storeId: number;
}

export type BrokerStatus = 'stopped' | 'running' | 'crashed' | 'shutdown';

/** ClientChannelInfo: a client's channel on a broker and when its last heartbeat arrived. */
export interface ClientChannelInfo {
  node: string;
  lastUpdateTimestamp: number;
}

/** ConsumerGroupInfo on a broker: the channels (clients) of a group, refreshed by heartbeats. */
export interface ConsumerGroupInfo {
  groupName: string;
  messageModel: MessageModel;
  /** clientId -> channel. */
  channels: Record<string, ClientChannelInfo>;
  /** subscriptionTable: subscribed topics -> subscription expression, one for the whole group. */
  subscriptions: Record<string, string>;
  /** Each topic's SubscriptionData.subVersion: a heartbeat replaces a topic's expression only with a newer one. */
  subVersions: Record<string, number>;
}

/** A pull parked by the broker's PullRequestHoldService (long polling); frozen, so checkpoints share it. */
export interface HeldPull {
  readonly rpcId: number;
  readonly node: string;
  readonly group: string;
  readonly topic: string;
  readonly queueId: number;
  readonly queueOffset: number;
  readonly subscription: string;
  readonly expiresAt: number;
}

/** HAService.HAConnection on a master: one per slave connected to it. */
export interface HAConnection {
  slave: string;
  /**
   * Whether ReadSocketService has read the slave's first report (slaveRequestOffset): until then
   * the connection counts (connectionCount) but WriteSocketService sends nothing and it
   * acknowledges nothing (slaveAckOffset -1).
   */
  reported: boolean;
  /** nextTransferFromWhere, as a commit log index: the next message to send. */
  nextIndex: number;
  /**
   * The slave's first report, in bytes, while the master's log does not reach past it: nothing is
   * sent until it does (a slave ahead of a master that lost its unflushed tail); null once sending.
   */
  waitsFor: number | null;
  /** The slave's commit log index minus the master's for the same bytes (not 0 once a slave ahead resumed). */
  shift: number;
  /** The slave's last reported commit log length (its ack), as a master index; its own length while waitsFor is set or before its first report. */
  ackIndex: number;
  /** When the write service last sent (it sleeps 100 ms between looks when idle). */
  lastTransferAt: number;
  /** ReadSocketService.lastReadTimestamp: when the master last read a report of this slave (ha-connection.ts closes a silent one). */
  lastReadAt: number;
  transferScheduled: boolean;
}

/** A SYNC_MASTER send waiting for a slave's ack (GroupTransferService), answered by whichever comes first. */
interface SyncReplicaWait {
  /** Commit log length the slave must have acknowledged. */
  index: number;
  /** Replicas, the master included, that must hold it (5.x inSyncReplicas; 2 in 4.x). */
  needAckNums: number;
  node: string;
  rpcId: number;
  response: RemotingResponse;
}

/** A broker's settings are its spec's (its role changes in controller mode), and what it holds as it runs. */
export interface BrokerState extends Omit<BrokerSpec, 'startAt'> {
  /** brokerAddr = brokerIP1:listenPort (BrokerController.getBrokerAddr). */
  addr: string;
  node: string;
  status: BrokerStatus;
  partitioned: boolean;
  /** Bumped at every start, so timers of an earlier life are ignored. */
  epoch: number;
  topicConfigTable: Record<string, TopicConfig>;
  /** DataVersion counter: bumped on every topic change; the NameServer rewrites queue data when it differs. */
  dataVersion: number;
  commitLog: AppendLog<StoredMessage>;
  /** Next physical offset in the commit log. */
  maxPhyOffset: number;
  /** CommitLog bytes flushed to disk; the rest is in the page cache only (flush-service.ts). */
  flushedPhyOffset: number;
  /** FlushRealTimeService.lastFlushTimestamp: when it last flushed thoroughly. */
  lastThoroughFlushAt: number;
  /** Whether a 500 ms FlushRealTimeService round is scheduled. */
  flushTickPending: boolean;
  /** The machine lost power: the page cache is gone, the next start recovers what was flushed. */
  pageCacheLost: boolean;
  /** topic -> queueId -> consume queue (indexes into commitLog). */
  consumeQueues: Record<string, AppendLog<number>[]>;
  /**
   * Per queue ("topic@queueId"), how far this broker name's queue had gone before it was cut back
   * (a power loss's recovery, a new master's truncation) or before this master took over holding
   * less: new messages take the offsets below it again, where a reader may have read already
   * (broker/stored-behind.ts). null while no queue of the process was ever cut back.
   */
  reusedBelow: Record<string, number> | null;
  consumerTable: Record<string, ConsumerGroupInfo>;
  /**
   * Client channels by peer node: when each opened and was last read or written (the broker's
   * IdleStateHandler, broker/client-channel-idle.ts).
   */
  clientChannels: Record<string, { openedAt: number; lastActivity: number }>;
  /** Virtual time of the next scanNotActiveChannel run (ClientHousekeepingService). */
  nextChannelScanAt: number;
  /** Virtual time of the next checkHoldRequest run (PullRequestHoldService). */
  nextPullHoldCheckAt: number;
  /** ProducerManager.groupChannelTable: producer group -> clientId -> channel, refreshed by heartbeats. */
  producerTable: Record<string, Record<string, ClientChannelInfo>>;
  /** group -> "topic@queueId" -> committed offset (ConsumerOffsetManager.offsetTable). */
  consumerOffsetTable: Record<string, Record<string, number>>;
  /** The offsets as consumerOffset.json last held them: what a restart loads (consumer-offset-manager.ts). */
  persistedOffsetTable: Record<string, Record<string, number>>;
  /** "topic@queueId" -> pulls waiting for a message (a frozen list, replaced when it changes). */
  pullHolds: Record<string, readonly HeldPull[]>;
  /** NameServers still to unregister from during a graceful shutdown (one at a time). */
  unregisterQueue: string[];
  /**
   * Remoting requests this broker processed, by RequestCode name, counted as they arrive (one
   * number per code, like BrokerStatsManager's counters). The HA channel is not remoting.
   */
  requestCounts: Partial<Record<string, number>>;
  /**
   * Messages this process wrote, one per message.stored it traced: its puts, and on a slave the
   * replicas HAService appended. The Dashboard's "put today" (msgPutTotalTodayNow) of this node,
   * counted here because the trace cannot always tell which process a brokerId 0 was.
   */
  messagesStored: number;
  /**
   * Messages this process returned to pulls (BrokerStatsManager.incBrokerGetNums, on a slave too
   * when it serves reads): the Dashboard's "consume today" (msgGetTotalTodayNow) of this node.
   */
  messagesServed: number;
  /**
   * 5.x's "put today" (BrokerStatsManager.incBrokerPutNums, without system topics): the messages
   * SendMessageProcessor put under a user, %RETRY% or %DLQ% topic (not a delayed one, parked in
   * SCHEDULE_TOPIC_XXXX) and those ScheduleMessageService delivered; a consumer's send-back and a
   * slave's HA appends never pass it (broker-stats.ts incBrokerPutNums).
   */
  messagesPut: number;
  /**
   * Messages this process returned to pulls, by "topic@group" (BrokerStatsManager.incGroupGetNums,
   * GROUP_GET_NUMS, in the pull result handler): what getConsumeStats' consumeTps is a rate of.
   */
  groupGetNums: Record<string, number>;
  /** Master: HAService connections by slave node. */
  haConnections: Record<string, HAConnection>;
  /** Master: SYNC_MASTER sends waiting for a slave's ack. */
  syncReplicaWaits: SyncReplicaWait[];
  /** Slave: the master's HA address its HAClient connects to (kept when a registration names none). */
  haMasterAddr: string | null;
  /** Slave: whether its HAClient holds a connection (reports `hello` to open one when not). */
  haConnected: boolean;
  /** When the process running now started: its housekeeping tasks (ClientHousekeepingService's scan ...) run on its own schedule from then. */
  startedAt: number;
  /** Slave: HAClient.lastReadTimestamp, when it last heard from its master (5.x closes the connection after haHousekeepingInterval of silence). */
  haLastReadAt: number;
  /** Slave: HAClient.lastWriteTimestamp, its last report (4.9.8 also its last connect; 5.x its start before any). */
  haLastWriteAt: number;
  /**
   * Slave: the commit log index where ReputMessageService stopped, or null while it dispatches:
   * bytes from its master that began inside a message (its log was ahead of a master that lost its
   * unflushed tail) read as an illegal magic code, and a slave's reput does not skip them.
   */
  reputStoppedAt: number | null;
  /** Slave: SlaveSynchronize's master, as the last registration answered (null when the master is gone). */
  syncMasterAddr: string | null;
  /** Slave: lastSyncTimeMs, the broker's start or its last syncAll (slave-synchronize.ts). */
  lastSlaveSyncAt: number;
  /** ScheduleMessageService.offsetTable: delay level -> the next SCHEDULE_TOPIC_XXXX queue offset to deliver (a slave's, as SlaveSynchronize last copied it). */
  delayOffsetTable: Record<number, number>;
  /** Bumped each time ScheduleMessageService starts or stops with a role change (controller mode), so delivery tasks of an earlier run are void. */
  scheduleEpoch: number;
  /** Controller mode (broker/replicas-manager.ts): the broker's part of ReplicasManager. */
  replicas: BrokerReplicas;
}

/** ReplicasManager (controller mode): the id the controller gave this broker, the epoch it knows, and a master's SyncStateSet. */
interface BrokerReplicas {
  /** brokerControllerId: the controller's id for this broker (1, 2, ... in the group); its brokerId while it is a slave. */
  controllerId: number;
  /** The master epoch this broker last applied (changeToMaster / changeToSlave act only on a newer one). */
  masterEpoch: number;
  /** Whether the broker knows its role since it started (it registers with the NameServers only then). */
  roleKnown: boolean;
  /** Master: its SyncStateSet (controller ids), as last reported to the controller. */
  syncStateSet: number[];
  /** Master: when each connected slave (by node) last held everything (AutoSwitchHAService.connectionCaughtUpTimeTable). */
  caughtUpAt: Record<string, number>;
}

type ClientStatus = 'stopped' | 'running' | 'crashed' | 'hung';

/** MQClientInstance: what every producer and consumer process holds about routes. */
export interface ClientInstanceState {
  id: string;
  clientId: string;
  ip: string;
  status: ClientStatus;
  epoch: number;
  /** NettyRemotingClient: shuffled NameServer list, index, and the sticky choice. */
  namesrvAddrList: string[];
  namesrvIndex: number;
  namesrvChosen: string | null;
  /** The NameServer whose failed request or closed channel made the client move on to namesrvChosen; null for the random start. */
  namesrvLeft: string | null;
  /** When the next updateTopicRouteInfoFromNameServer round is due (-1 while stopped). */
  nextRouteRefreshAt: number;
  topicRouteTable: Record<string, TopicRouteData>;
  /** brokerName -> brokerId -> addr, built from every cached route. */
  brokerAddrTable: Record<string, Record<number, string>>;
  /** The topics still to refresh in the current updateTopicRouteInfoFromNameServer round. */
  routeRound: string[];
  /** The broker nodes still to heartbeat in the current sendHeartbeatToAllBroker round, the first one's call out (empty: no round, lockHeartbeat free). */
  heartbeatRound: string[];
  /** Why the round under way (or the last one) was sent: its calls carry it to the trace (heartbeat.ts). */
  heartbeatTrigger: HeartbeatTrigger;
  /** A rebalance changed a topic's queues while a round was under way: a rebalance's round follows once that one ends. */
  heartbeatAgain: boolean;
}

/** TopicPublishInfo: the producer's write queues, and its send index (ThreadLocalIndex). */
export interface TopicPublishInfo {
  messageQueueList: MessageQueue[];
  sendWhichQueue: number;
  /** True when built from TBW102 because the topic had no route yet. */
  fromDefaultTopic: boolean;
}

/** LatencyFaultToleranceImpl's FaultItem. */
export interface FaultItem {
  brokerName: string;
  currentLatency: number;
  /** Isolated until then. */
  startTimestamp: number;
  /** 5.x: an error answer to a SYNC send makes the broker unreachable until another answer. */
  reachable: boolean;
}

/** LatencyFaultToleranceImpl: a producer's fault items by broker name. */
export interface LatencyFaultTolerance {
  faultItemTable: Record<string, FaultItem>;
  /** 4.x pickOneAtLeast's ThreadLocalIndex: null until first used, when it starts at a random int. */
  whichItemWorst: number | null;
}

/** One message making its way through DefaultMQProducerImpl.sendDefaultImpl. */
export interface SendInFlight {
  msgId: string;
  /**
   * The simulator's own number for the message (not a RocketMQ field), carried by every copy
   * that keeps its msgId (retries, stores, slave copies, %RETRY% and DLQ): the statistics count
   * by it.
   */
  serial: number;
  tags: string;
  keys: string;
  bodyBytes: number;
  delayLevel: number;
  beginAt: number;
  sendMode: SendMode;
  /** A message a consumer's own producer sends back to %RETRY%<group> (send-back-fallback.ts): the properties it carries. */
  sentBack?: SentBackProperties;
}

/**
 * DefaultMQPushConsumerImpl.sendMessageBackAsNormalMessage copies a failed message's properties
 * (its producer and born time among them) and sets RECONSUME_TIME (its reconsumeTimes + 1),
 * MAX_RECONSUME_TIMES and RETRY_TOPIC, which SendMessageProcessor.handleRetryAndDLQ reads.
 */
export interface SentBackProperties {
  reconsumeTimes: number;
  maxReconsumeTimes: number;
  originTopic: string;
  producer: string;
  bornTimestamp: number;
}

export interface ProducerState extends ClientInstanceState {
  kind: 'producer';
  spec: ProducerSpec;
  /** Current send rate; changed by setProducerRate. */
  ratePerSec: number;
  /** Bumped on every rate change so the old send timer stops. */
  rateEpoch: number;
  rateStartAt: number;
  rateCount: number;
  pid: number;
  /** The first 20 hex digits of this process's msgIds (ip, pid, class loader hash), set when it starts. */
  msgIdPrefix: string;
  /** MessageClientIDSetter's counter. */
  counter: number;
  sequence: number;
  publishInfo: Record<string, TopicPublishInfo>;
  latencyFaultTolerance: LatencyFaultTolerance;
  /** Messages waiting for a route before their first attempt (tryToFindTopicPublishInfo). */
  waitingForRoute: SendInFlight[];
}

/** ProcessQueue: messages pulled from one queue and not yet consumed. */
export interface ProcessQueue {
  mq: MessageQueue;
  dropped: boolean;
  /** Next offset to pull. */
  nextOffset: number;
  /** Queue offsets pulled and not yet consumed, in order (ProcessQueue.msgTreeMap's keys). */
  outstanding: number[];
  /** The largest queue offset ever put in (ProcessQueue.queueOffsetMax). */
  queueOffsetMax: number;
  pulling: boolean;
  /** Bumped when the queue is taken again, so stale pull events are ignored. */
  token: number;
  /**
   * The subVersion its first pull carries, or null to read the consumer's: 4.9.8 dispatches a new
   * queue's first pull at once, before messageQueueChanged moves the version on; 5.x dispatches it
   * 500 ms later, so it carries the new one.
   */
  firstPullSubVersion: number | null;
}

export interface ConsumerState extends ClientInstanceState {
  kind: 'consumer';
  spec: ConsumerSpec;
  /** The consumer's number in the run: its tag on the messages it consumed first (MessageStats.consumedIds). */
  ordinal: number;
  retryTopic: string;
  /**
   * Each subscribed topic's SubscriptionData.subVersion (its own topic, and %RETRY% when CLUSTERING):
   * System.currentTimeMillis() when built at its start (DefaultMQPushConsumerImpl.subscribe and
   * copySubscription), then again at every rebalance that changes the topic's queues
   * (RebalancePushImpl.messageQueueChanged).
   */
  subVersions: Record<string, number>;
  /** topicSubscribeInfoTable. */
  topicSubscribeInfoTable: Record<string, MessageQueue[]>;
  /** Allocated queues per topic, keyed by "topic@brokerName@queueId". */
  processQueueTable: Record<string, ProcessQueue>;
  /** OffsetStore: consumed offsets not yet committed, and what was last committed. */
  offsetTable: Record<string, number>;
  committedOffsets: Record<string, number>;
  /**
   * RebalanceService.lastRebalanceTimestamp: the start of the consumer's MQClientInstance, then
   * each run; 5.x runs no sooner than minInterval after it, so the first rebalance comes a second
   * after the start, when the consumers started together have all sent their heartbeats.
   */
  lastRebalanceAt: number;
  /** False until the RebalanceService's first run since the consumer started: it owns nothing yet by choice. */
  rebalanced: boolean;
  rebalanceScheduled: boolean;
  /** False until the first route round has finished and the first heartbeat went out. */
  started: boolean;
  /** Source of ProcessQueue tokens. */
  nextToken: number;
  /** When each of the consumeThreadMax consume threads is next free. */
  consumeBusyUntil: number[];
  /** The consume thread booked longest ago, so free first: the next one to take (consume-service.ts). */
  nextConsumeThread: number;
  /** ProcessQueue token -> when it was dropped: its consume requests not yet started are skipped. */
  droppedAt: Record<number, number>;
  /** The client's own producer (MQClientInstance.getDefaultMQProducer): its TopicPublishInfo of the retry topic, once it sent there. */
  innerPublishInfo: TopicPublishInfo | null;
  /**
   * Its listener's successful consumptions (message.consumed) of a message its reader had not had
   * yet, and of one it had (message.consumedAgain): the summary adds them up per group.
   */
  consumedFirst: number;
  consumedAgain: number;
}

export type ClientState = ProducerState | ConsumerState;

export interface MessageStats {
  sent: number;
  failed: number;
  stored: number;
  consumed: number;
  duplicates: number;
  toDlq: number;
  toRetry: number;
  /** Consumptions a BROADCASTING listener failed: dropped, neither retried nor dead-lettered (ConsumeMessageConcurrentlyService.processConsumeResult). */
  dropped: number;
  /**
   * Messages lost for good, one per message.lost: stored copies a power loss or a new master's
   * truncation took before any other replica had them, and ONEWAY sends the network swallowed.
   */
  lost: number;
  /**
   * Serials of the stored messages lost (marked at the loss), for the summary's lostConsumed: the
   * ones some reader (consumedIds) consumed, before the loss or after it from what it had pulled.
   */
  lostIds: MarkSet<number>;
  /** Lost messages the runner settled (reclaim.ts) that some reader had consumed; always 0 in a run that never reclaims. */
  settledLostConsumed: number;
  /**
   * What the runner's reclaim (reclaim.ts) counted as a number once the serials were settled and
   * their marks forgotten: messages an inconsistent group passed over and never consumed. Always 0
   * in a run that never reclaims.
   */
  settledFilteredOut: number;
  /** "group|serial" of each message a member of an inconsistent group passed over although another member wants it (message.filtered). */
  filteredOutIds: MarkSet<string>;
  /**
   * "reader|serial" of each message stored at a queue offset its reader had already read past
   * (message.storedBehind, broker/stored-behind.ts); a reader is a CLUSTERING group, or
   * "group/consumer" for a BROADCASTING consumer, as in consumedIds.
   */
  storedBehindIds: MarkSet<string>;
  /** What the runner's reclaim (reclaim.ts) settled of storedBehindIds: messages their reader never consumed. Always 0 in a run that never reclaims. */
  settledStoredBehind: number;
  /** Send attempts (one per message.sent: a message retried twice is three attempts). */
  attempts: number;
  /** Attempts that failed (one per send.failed), and how many failed for each reason. */
  failedAttempts: number;
  failedAttemptReasons: Partial<Record<string, number>>;
  /** Send results with a SendStatus other than SEND_OK: stored, not flushed or replicated as asked (the producer resends one only with retryAnotherBrokerWhenNotStoreOK: DefaultMQProducerImpl.sendDefaultImpl). */
  notOkResults: Partial<Record<NotOkStatus, number>>;
  /** Duplicates by what brought the message back (see DuplicateCause). */
  duplicateCauses: Partial<Record<DuplicateCause, number>>;
  /** Messages whose send failed (stats.failed) by why (see SendFailedCause). */
  failedCauses: Partial<Record<SendFailedCause, number>>;
  /** Messages lost for good (stats.lost) by why (message.lost's reason). */
  lostCauses: Partial<Record<MessageLostReason, number>>;
  /** Successful consumptions (message.consumed) by the brokerName of the queue: the Dashboard's "get today" per broker. */
  consumedByBroker: Record<string, number>;
  /** Messages a master wrote (message.stored with brokerId 0), by brokerName: the charts' produce TPS (StoreStatsService's putTps). */
  storedOnMasters: Record<string, number>;
  /** Serial of the next message a producer makes (SendInFlight.serial). */
  nextSerial: number;
  /** StoredMessage.storeId of the next message a broker stores. */
  nextStoreId: number;
  /** The sets below hold message serials, marked at the trace position (Simulation.traceCount) of their first entry. */
  /** Messages stored at least once. */
  storedIds: SerialMarkSet;
  /**
   * Per reader (a CLUSTERING group, or "group/consumer" in BROADCASTING): messages consumed
   * successfully at least once, each tagged with the ordinal of the consumer that did it first.
   */
  consumedIds: Record<string, SerialMarkSet>;
}

/**
 * Why a reader consumed a message again (at-least-once delivery): the queue moved to another
 * consumer at a rebalance before the offset was committed; its first consumer crashed or hung, or
 * shut down, first; the same consumer pulled it again (its queue was dropped and taken back); it
 * was a retry copy (%RETRY%) of a message that had already succeeded; a producer's retry stored it
 * twice (same msgId, two offsetMsgIds: DefaultMQProducerImpl.sendDefaultImpl retries a send whose
 * answer it did not get, though the broker stored it); or its broker's master failed before the
 * consumer's offset reached it, or before the broker persisted it (consumer-offset-manager.ts), and
 * the queue was read again from the offset the broker held.
 */
export type DuplicateCause = 'rebalance' | 'crash' | 'shutdown' | 'pulledAgain' | 'retry' | 'storedTwice' | 'brokerFault';

/**
 * Why a send ended FAILED (DefaultMQProducerImpl.sendDefaultImpl): before any attempt, its route
 * offered no queue ("No route info of this topic") or waiting for the route spent sendMsgTimeoutMs;
 * its attempts failed (every retry, a ResponseCode it does not retry, or the timeout between
 * them); or the producer shut down with the send open.
 */
export type SendFailedCause = 'noNameServer' | 'noRoute' | 'routeTimeout' | 'attemptsFailed' | 'shutdown';

export interface ModelState {
  config: SimConfig;
  durationMs: number;
  nameServers: Record<string, NameServerState>;
  /** Controller mode: the controller, by its network node (its NameServer's when embedded). */
  controllers: Record<string, ControllerState>;
  brokers: Record<string, BrokerState>;
  clients: Record<string, ClientState>;
  /** "ip:port" -> network node, for clients that know brokers by address. */
  addrNodes: Record<string, string>;
  /** Network node -> what it is. */
  nodeKinds: Record<string, 'nameServer' | 'broker' | 'client' | 'controller'>;
  remoting: RemotingState;
  stats: MessageStats;
  /** Every consumer group's members' subscriptions, from the scenario (timeline additions too). */
  groupMembers: Record<string, { topic: string; subscription: string }[]>;
  /** Groups whose members subscribe differently (broker/group-subscription.ts). */
  inconsistentGroups: Record<string, true>;
  /** Broker faults of the timeline, and who noticed each (detections.ts). */
  faults: FaultRecord[];
  detections: Detection[];
}

/** SyncStateInfo and BrokerReplicaInfo of one broker group, as the controller keeps them (ReplicasInfoManager). */
export interface SyncStateInfo {
  brokerName: string;
  cluster: string;
  /** Controller id of the master, or null after an election found no replica to elect. */
  masterBrokerId: number | null;
  masterEpoch: number;
  syncStateSet: number[];
  syncStateSetEpoch: number;
  /** BrokerReplicaInfo.brokerIdTable: controller id -> the broker's address and network node. */
  replicas: Record<number, { addr: string; node: string }>;
}

/** DefaultBrokerHeartbeatManager's BrokerLiveInfo, keyed by "brokerName@controllerId". */
export interface ControllerBrokerLiveInfo {
  brokerName: string;
  controllerId: number;
  node: string;
  lastUpdateTimestamp: number;
  heartbeatTimeoutMillis: number;
  epoch: number;
  maxOffset: number;
}

/**
 * The controller (ControllerManager with its DLedgerController): one process here, where RocketMQ
 * runs a Raft group whose leader does this work. Embedded (enableControllerInNamesrv) it shares
 * its NameServer's node and lives and dies with it.
 */
export interface ControllerState {
  /** Its own id when standalone; "<NameServer id>/controller" when embedded. */
  id: string;
  node: string;
  up: boolean;
  epoch: number;
  brokerLiveTable: Record<string, ControllerBrokerLiveInfo>;
  syncStateSetInfoTable: Record<string, SyncStateInfo>;
  /** When the two scans next run (for the page's countdowns). */
  nextScanAt: number;
  nextMasterScanAt: number;
}

interface RemotingState {
  nextId: number;
  /**
   * NettyRemotingAbstract.responseTable: by request id, in the order sent. A Map, not a numbered
   * object: every request is added and removed once, and an object with numbered keys coming and
   * going is kept as a slow dictionary (about a twentieth of a run went there). Snapshots copy the
   * Map and share its frozen entries (engine/clone.ts); the page's frames leave it out, since no view reads it.
   */
  pending: Map<number, PendingRequest>;
  /** The connects under way that got no answer, by `from>to` (connect.ts). */
  connecting: Record<string, Connect>;
}


/**
 * A request awaiting its response (NettyRemotingAbstract.responseTable): the request's delivery
 * itself (remoting.ts invoke), frozen, so that snapshots share it as the event queue does.
 */
export interface PendingRequest {
  id: number;
  from: string;
  to: string;
  sentAt: number;
  request: RemotingRequest;
  /** For async requests, when scanResponseTable fails it; -1 for sync requests (own timer). */
  expiresAt: number;
}
