/**
 * Every RocketMQ default the simulator uses, in one place, each citing the RocketMQ class it
 * comes from (apache/rocketmq 5.3.x unless marked 4.x). A scenario's `config` overrides any key.
 * Values are integers in milliseconds of virtual time unless the name says otherwise.
 */
import type { RocketMQVersion } from './vocabulary.ts';

export const ROCKETMQ_DEFAULTS = {
  /** Which RocketMQ generation to imitate where 4.x and 5.x differ (scan period, latency tables). */
  rocketmqVersion: '5.x' as RocketMQVersion,

  // --- Broker -> NameServer registration (BrokerController.start, BrokerConfig) ---
  /** BrokerConfig.registerNameServerPeriod: the broker's "heartbeat" is a full registerBrokerAll, every max(10 s, min(this, 60 s)) (registerNameServerPeriod). */
  brokerHeartbeatIntervalMs: 30_000,
  /** BrokerController.start: scheduleAtFixedRate(registerBrokerAll, initialDelay 10 s, ...). */
  brokerRegisterInitialDelayMs: 10_000,
  /** BrokerConfig.registerBrokerTimeoutMills: 24 000 in 5.x (6 000 in 4.x). */
  registerBrokerTimeoutMs: 24_000,
  /** BrokerOuterAPI.unregisterBrokerAll: invokeSync(UNREGISTER_BROKER, 3000). */
  unregisterBrokerTimeoutMs: 3_000,

  // --- NameServer liveness (NamesrvConfig, RouteInfoManager) ---
  /** NamesrvConfig.scanNotActiveBrokerInterval: 5 s in 5.x; NamesrvController 4.x used 10 s. */
  scanNotActiveBrokerIntervalMs: 5_000,
  /** NamesrvController.startScheduleService: scanNotActiveBroker first runs 5 ms after start (5, interval, MILLISECONDS); 4.x's NamesrvController.initialize waited 5 s. */
  scanNotActiveBrokerInitialDelayMs: 5,
  /** RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME (4.x BROKER_CHANNEL_EXPIRED_TIME). */
  brokerChannelExpiredTimeMs: 120_000,
  /** NettyServerConfig.serverChannelMaxIdleTimeSeconds (120 s, 4.x and 5.x): the NameServer and the brokers close a channel idle this long; 0 never. */
  serverChannelMaxIdleTimeMs: 120_000,

  // --- Client (ClientConfig, MQClientInstance.startScheduledTask, NettySystemConfig) ---
  /** ClientConfig.pollNameServerInterval: route refresh period. */
  pollNameServerIntervalMs: 30_000,
  /** MQClientInstance.startScheduledTask: updateTopicRouteInfoFromNameServer first runs after 10 ms. */
  routeRefreshInitialDelayMs: 10,
  /** ClientConfig.heartbeatBrokerInterval. */
  clientHeartbeatIntervalMs: 30_000,
  /** MQClientInstance.startScheduledTask: sendHeartbeatToAllBrokerWithLock initial delay 1 s. */
  clientHeartbeatInitialDelayMs: 1_000,
  /** ClientConfig.persistConsumerOffsetInterval. */
  persistConsumerOffsetIntervalMs: 5_000,
  /** MQClientInstance.startScheduledTask: persistAllConsumerOffset initial delay 10 s. */
  persistConsumerOffsetInitialDelayMs: 10_000,
  /** NettySystemConfig connectTimeoutMillis (sys-prop default "3000"). */
  connectTimeoutMs: 3_000,
  /** ClientConfig.mqClientApiTimeout: route queries and other client API calls. */
  mqClientApiTimeoutMs: 3_000,

  // --- Producer (DefaultMQProducer) ---
  /** DefaultMQProducer.sendMsgTimeout: total budget across retries. */
  sendMsgTimeoutMs: 3_000,
  /** DefaultMQProducer.retryTimesWhenSendFailed (SYNC: 3 attempts). */
  retryTimesWhenSendFailed: 2,
  /** DefaultMQProducer.retryTimesWhenSendAsyncFailed. */
  retryTimesWhenSendAsyncFailed: 2,
  /** DefaultMQProducer.retryAnotherBrokerWhenNotStoreOK. */
  retryAnotherBrokerWhenNotStoreOK: false,
  /** ClientConfig.sendLatencyEnable (5.x) / DefaultMQProducer.sendLatencyFaultEnable (4.x). */
  sendLatencyFaultEnable: false,
  /** DefaultMQProducer.defaultTopicQueueNums: queues of an auto-created topic. */
  producerDefaultTopicQueueNums: 4,
  /** Message body size in bytes when a producer does not say (ours: RocketMQ has no default body). */
  messageBodyBytes: 1_024,

  // --- Broker (BrokerConfig, MessageStoreConfig) ---
  /** BrokerConfig.autoCreateTopicEnable. */
  autoCreateTopicEnable: true,
  /** BrokerConfig.defaultTopicQueueNums: queues of TBW102. */
  brokerDefaultTopicQueueNums: 8,
  /** UpdateTopicSubCommand (mqadmin updateTopic) -r / -w default: 8 read, 8 write. */
  topicQueueNums: 8,
  /** TopicConfig default perm: PERM_READ | PERM_WRITE. */
  topicPerm: 6,
  /** BrokerConfig.longPollingEnable. */
  longPollingEnable: true,
  /** BrokerConfig.shortPollingTimeMills. */
  shortPollingTimeMs: 1_000,
  /** PullRequestHoldService: re-check every 5 s when long polling. */
  pullRequestHoldCheckMs: 5_000,
  /** ClientHousekeepingService: scanNotActiveChannel every 10 s (initial 10 s). */
  clientChannelScanIntervalMs: 10_000,
  /** BrokerConfig.channelExpiredTimeout (4.x ConsumerManager.CHANNEL_EXPIRED_TIMEOUT). */
  channelExpiredTimeoutMs: 120_000,
  /** MessageStoreConfig.flushIntervalCommitLog: FlushRealTimeService wakes this often (and at every put). */
  flushIntervalCommitLogMs: 500,
  /** MessageStoreConfig.flushCommitLogLeastPages: ASYNC_FLUSH flushes once this many 4 KB pages are dirty. */
  flushCommitLogLeastPages: 4,
  /** MessageStoreConfig.flushCommitLogThoroughInterval: ASYNC_FLUSH flushes everything at least this often. */
  flushCommitLogThoroughIntervalMs: 10_000,
  /** MessageStoreConfig.syncFlushTimeout: how long a SYNC_FLUSH put waits for the flush before FLUSH_DISK_TIMEOUT. */
  syncFlushTimeoutMs: 5_000,
  /** MessageStoreConfig.slaveTimeout: how long a SYNC_MASTER put waits for slaves' acks before FLUSH_SLAVE_TIMEOUT (4.9.8 and 5.x). */
  slaveTimeoutMs: 3_000,
  /** MessageStoreConfig.haSendHeartbeatInterval: a slave reports its commit log offset (and reconnects) this often. */
  haSendHeartbeatIntervalMs: 5_000,
  /**
   * MessageStoreConfig.haHousekeepingInterval: an HA connection silent this long is closed, by the
   * master (HAConnection.ReadSocketService: no report read) and, in 5.x, by the slave
   * (DefaultHAClient: nothing read from the master, whose idle write service sends a header every
   * haSendHeartbeatInterval). 4.9.8's HAClient measures its own writes instead and never closes.
   */
  haHousekeepingIntervalMs: 20_000,
  /** MessageStoreConfig.haMaxGapNotInSync (4.x haSlaveFallbehindMax): a slave further behind than 256 MB is not OK. */
  haMaxGapNotInSyncBytes: 256 * 1024 * 1024,
  /** HAConnection.WriteSocketService: with nothing to send it sleeps 100 ms; only a put that waits for a slave wakes it (4.x SYNC_MASTER; 5.x with inSyncReplicas >= 2). */
  haTransferWaitMs: 100,
  /** BrokerController.initializeScheduledTasks (slave): SlaveSynchronize is first considered 10 s after start (4.9.8 runs it 3 s after start). */
  slaveSyncInitialDelayMs: 10_000,
  /** BrokerController (slave): how often SlaveSynchronize is considered: every 3 s in 5.x (4.x runs it every 10 s). */
  slaveSyncCheckIntervalMs: 3_000,
  /**
   * BrokerController (slave, 5.x): syncAll runs only when more than 60 s passed since lastSyncTimeMs,
   * which starts at the broker's start and moves at every syncAll, so the first comes about 61 s after
   * start (4.x: 0, every run).
   */
  slaveSyncMinIntervalMs: 60_000,
  /** BrokerConfig.flushConsumerOffsetInterval: the broker writes its consumers' offsets to consumerOffset.json this often (what a restart after a crash loads). */
  flushConsumerOffsetIntervalMs: 5_000,
  /** BrokerController: the first consumerOffset.json write, 10 s after start. */
  flushConsumerOffsetInitialDelayMs: 10_000,
  /** MessageStoreConfig.messageDelayLevel (18 levels). */
  messageDelayLevel: '1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h',

  // --- Controller mode (5.x only: BrokerConfig, ControllerConfig, MessageStoreConfig) ---
  /** BrokerConfig.enableControllerMode: a controller keeps each group's SyncStateSet and elects a new master (5.x; off by default). */
  enableControllerMode: false,
  /** NamesrvConfig.enableControllerInNamesrv: the controller runs inside the (first) NameServer instead of standing alone. */
  enableControllerInNamesrv: false,
  /** BrokerConfig.brokerHeartbeatInterval: BrokerController.scheduleSendHeartbeat to the controller (initial delay 1 s). */
  controllerHeartbeatIntervalMs: 1_000,
  /** BrokerConfig.controllerHeartBeatTimeoutMills: the controller forgets a broker silent this long. */
  controllerHeartBeatTimeoutMs: 10_000,
  /** ControllerConfig.scanNotActiveBrokerInterval: DefaultBrokerHeartbeatManager.scanNotActiveBroker (initial delay 2 s). */
  controllerScanNotActiveBrokerIntervalMs: 5_000,
  /** DefaultBrokerHeartbeatManager.start: scheduleAtFixedRate(scanNotActiveBroker, 2000, ...). */
  controllerScanNotActiveBrokerInitialDelayMs: 2_000,
  /** ControllerConfig.scanInactiveMasterInterval: DLedgerController.scanInactiveMasterAndTriggerReelect (first after one period). */
  scanInactiveMasterIntervalMs: 5_000,
  /** ControllerConfig.enableElectUncleanMaster: elect a replica outside the SyncStateSet when none inside is alive. */
  enableElectUncleanMaster: false,
  /** BrokerConfig.syncBrokerMetadataPeriod: ReplicasManager asks the controller for its group's master (initial delay 3 s). */
  syncBrokerMetadataPeriodMs: 5_000,
  /** BrokerConfig.checkSyncStateSetPeriod: the master shrinks its SyncStateSet and reports it (initial delay 3 s). */
  checkSyncStateSetPeriodMs: 5_000,
  /** MessageStoreConfig.haMaxTimeSlaveNotCatchup: a slave not caught up for this long leaves the SyncStateSet. */
  haMaxTimeSlaveNotCatchupMs: 15_000,

  // --- Push consumer (DefaultMQPushConsumer, DefaultMQPushConsumerImpl, RebalanceService) ---
  /** RebalanceService.waitInterval (sys-prop rocketmq.client.rebalance.waitInterval). */
  rebalanceIntervalMs: 20_000,
  /** RebalanceService.minInterval (5.x, sys-prop rocketmq.client.rebalance.minInterval). */
  rebalanceMinIntervalMs: 1_000,
  /** DefaultMQPushConsumer.pullBatchSize (broker caps at maxTransferCountOnMessageInMemory 32). */
  pullBatchSize: 32,
  /** DefaultMQPushConsumerImpl.BROKER_SUSPEND_MAX_TIME_MILLIS: how long a pull is held. */
  brokerSuspendMaxTimeMs: 15_000,
  /** DefaultMQPushConsumerImpl.CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND: RPC timeout of a held pull. */
  consumerTimeoutWhenSuspendMs: 30_000,
  /** ClientConfig.pullTimeDelayMillsWhenException (copied into the push consumer). */
  pullTimeDelayMillsWhenException: 1_000,
  /** DefaultMQPushConsumerImpl.PULL_TIME_DELAY_MILLS_WHEN_CACHE_FLOW_CONTROL. */
  pullTimeDelayMillsWhenFlowControl: 50,
  /** DefaultMQPushConsumer.pullThresholdForQueue. */
  pullThresholdForQueue: 1_000,
  /** DefaultMQPushConsumer.consumeConcurrentlyMaxSpan: a queue whose cached offsets span more than this is not pulled (a message stuck at its head holds the rest). */
  consumeConcurrentlyMaxSpan: 2_000,
  /** DefaultMQPushConsumer.consumeThreadMax. */
  consumeThreadMax: 20,
  /** Time a consumer's listener spends on one message (ours: RocketMQ has no such setting). */
  consumeTimeMs: 5,
  /** DefaultMQPushConsumerImpl.getMaxReconsumeTimes: -1 means 16 for concurrent consumers. */
  maxReconsumeTimes: 16,
  /** ConsumeMessageConcurrentlyService.submitConsumeRequestLater: a message whose send-back failed is consumed again on its own queue after 5 s. */
  sendBackFailedRetryDelayMs: 5_000,

  // --- The simulated network (ours: a data-centre LAN) ---
  /** One-way latency of every link, before jitter. */
  networkLatencyMs: 1,
  /** Extra one-way latency drawn uniformly from [0, networkJitterMs] per message; a message never arrives before one its sender sent the same receiver earlier (one TCP connection keeps its order). */
  networkJitterMs: 1,
};

export type SimConfig = typeof ROCKETMQ_DEFAULTS;
export type ConfigKey = keyof SimConfig;

/** BrokerController.start: registerBrokerAll runs every max(10 s, min(registerNameServerPeriod, 60 s)), whatever the setting. */
export function registerNameServerPeriod(config: Pick<SimConfig, 'brokerHeartbeatIntervalMs'>): number {
  return Math.max(10_000, Math.min(config.brokerHeartbeatIntervalMs, 60_000));
}

/** RocketMQ 4.x values for the keys whose default changed in 5.x (NamesrvController 4.9.8, BrokerConfig 4.9.8). */
export const ROCKETMQ_4X_OVERRIDES: Partial<SimConfig> = {
  scanNotActiveBrokerIntervalMs: 10_000,
  scanNotActiveBrokerInitialDelayMs: 5_000,
  registerBrokerTimeoutMs: 6_000,
  rebalanceMinIntervalMs: 0,
  slaveSyncInitialDelayMs: 3_000,
  slaveSyncCheckIntervalMs: 10_000,
  slaveSyncMinIntervalMs: 0,
};

/** Resolves a scenario's config: RocketMQ defaults, then the chosen version's, then the scenario's own. */
export function resolveConfig(overrides: Partial<SimConfig> = {}): SimConfig {
  const version = overrides.rocketmqVersion ?? ROCKETMQ_DEFAULTS.rocketmqVersion;
  const versionDefaults = version === '4.x' ? ROCKETMQ_4X_OVERRIDES : {};
  const config = { ...ROCKETMQ_DEFAULTS, ...versionDefaults, ...overrides };
  // DefaultMQPushConsumerImpl.getMaxReconsumeTimes: DefaultMQPushConsumer's own -1 sends 16 in every send-back.
  return config.maxReconsumeTimes === -1 ? { ...config, maxReconsumeTimes: ROCKETMQ_DEFAULTS.maxReconsumeTimes } : config;
}

// --- Constants that are not tunable in RocketMQ itself ---

/** TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC. */
export const AUTO_CREATE_TOPIC_KEY_TOPIC = 'TBW102';
/** TopicValidator.RMQ_SYS_SCHEDULE_TOPIC. */
export const SCHEDULE_TOPIC = 'SCHEDULE_TOPIC_XXXX';
/** MixAll.RETRY_GROUP_TOPIC_PREFIX. */
export const RETRY_GROUP_TOPIC_PREFIX = '%RETRY%';
/** MixAll.DLQ_GROUP_TOPIC_PREFIX. */
export const DLQ_GROUP_TOPIC_PREFIX = '%DLQ%';
/** MixAll.MASTER_ID. */
export const MASTER_ID = 0;
/** NamesrvStartup: nettyServerConfig.setListenPort(9876). */
export const NAMESRV_PORT = 9876;
/** BrokerStartup: nettyServerConfig.setListenPort(10911). */
export const BROKER_PORT = 10911;
/** CommitLog.calMsgLength: fixed part of a stored message, IPv4 hosts (4+4+4+4+4+8+8+4+8+8+8+8+4+8+4+1+2). */
export const COMMITLOG_FIXED_BYTES = 91;
/** AllocateMessageQueueConsistentHash: virtualNodeCnt default. */
export const CONSISTENT_HASH_VIRTUAL_NODES = 10;
/**
 * ProducerManager.CHANNEL_EXPIRED_TIMEOUT (1000 * 120): a producer channel silent this long is
 * closed. A constant in 4.x and 5.x alike; 5.x's channelExpiredTimeout only covers consumers.
 */
export const PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS = 120_000;
/** MQAdminImpl.timeoutMillis (6000 in 4.x and 5.x; a setter, no ClientConfig key): maxOffset's invokeSync. */
export const MQ_ADMIN_TIMEOUT_MS = 6_000;
/**
 * The fixed timeout of two consumer calls, 4.x and 5.x alike (no ClientConfig key): the offset
 * query (RemoteBrokerOffsetStore.fetchConsumeOffsetFromBroker, 1000 * 5) and the send-back of a
 * message its listener failed (DefaultMQPushConsumerImpl.sendMessageBack, 5000).
 */
export const CONSUMER_CALL_TIMEOUT_MS = 5_000;
/** NettyRemotingClient: scanResponseTable every 1 s, first after 3 s. */
export const SCAN_RESPONSE_TABLE = { initialDelayMs: 3_000, periodMs: 1_000 };
/** scanResponseTable's margin: a request is failed once beginTimestamp + timeout + 1000 <= now. */
export const SCAN_RESPONSE_GRACE_MS = 1_000;
/**
 * How long after its timeout an async request may end: the scan's margin, and up to a period until
 * the scan that finds it. Here, not in remoting.ts, so that the page's captions read it without the
 * remoting code in the page's first script.
 */
export const SCAN_RESPONSE_LATEST_MS = SCAN_RESPONSE_GRACE_MS + SCAN_RESPONSE_TABLE.periodMs;
/**
 * How long after a rebalance takes a queue its first pull is sent: RebalanceImpl.updateProcessQueueTableInRebalance
 * hands the new pull requests to dispatchPullRequest(pullRequestList, 500) in 5.x, a literal that
 * RebalancePushImpl passes to executePullRequestLater; 4.9.8 calls executePullRequestImmediately.
 */
export const DISPATCH_PULL_DELAY_MS = { '4.x': 0, '5.x': 500 } as const;
/** 4.9.8 DefaultMQPushConsumerImpl.pullMessage, OFFSET_ILLEGAL: the fix-up's executeTaskLater(..., 10000). */
export const OFFSET_ILLEGAL_FIX_DELAY_MS = 10_000;
/** MixAll.DLQ_NUMS_PER_GROUP and the retry topic's queue count (retryQueueNums). */
export const RETRY_AND_DLQ_QUEUE_NUMS = 1;

/** Latency-fault tables of MQFaultStrategy: 4.x ... 5.1.3 and 5.1.4 ... HEAD. */
export const LATENCY_TABLES = {
  '4.x': {
    latencyMax: [50, 100, 550, 1_000, 2_000, 3_000, 15_000],
    notAvailableDuration: [0, 0, 30_000, 60_000, 120_000, 180_000, 600_000],
    isolationLatency: 30_000,
  },
  '5.x': {
    latencyMax: [50, 100, 550, 1_800, 3_000, 5_000, 15_000],
    notAvailableDuration: [0, 0, 2_000, 5_000, 6_000, 10_000, 30_000],
    isolationLatency: 10_000,
  },
} as const;

/**
 * MQFaultStrategy.computeNotAvailableDuration: the duration of the largest latencyMax the latency
 * reaches. Here beside its tables, not in client/fault-strategy.ts, so that a producer's inspector
 * reads it without the strategy's code in the page's first script.
 */
export function computeNotAvailableDuration(latencyMs: number, version: RocketMQVersion): number {
  const table = LATENCY_TABLES[version];
  for (let i = table.latencyMax.length - 1; i >= 0; i--) {
    if (latencyMs >= table.latencyMax[i]!) return table.notAvailableDuration[i]!;
  }
  return 0;
}

/** Bounds that keep any scenario from freezing a browser tab (docs/scenario.md, "Bounds"). */
export const SCENARIO_BOUNDS = {
  nameServers: 64,
  /** One standalone controller: RocketMQ's Raft group of controllers is simplified to its leader. */
  controllers: 1,
  brokers: 256,
  queuesPerTopicPerBroker: 1_024,
  topics: 256,
  producers: 1_000,
  consumers: 1_000,
  timeline: 10_000,
  durationMs: 24 * 3_600_000,
  ratePerSec: 10_000,
  tagsPerProducer: 64,
  stringLength: 255,
  descriptionLength: 4_000,
} as const;
