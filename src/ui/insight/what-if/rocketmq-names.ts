/**
 * The name in RocketMQ of each `config` key the what-if form offers (what-if-config.ts): the
 * scenario file's keys are this simulator's (in milliseconds, one name for 4.x and 5.x), and a
 * student who looks one up in RocketMQ's code or documentation needs RocketMQ's own. Some are not
 * settings at all: a constant in the code, or a JVM system property. Each is the name cited by its
 * default in src/model/defaults.ts.
 */
import type { ConfigKey } from '../../../sim/index.ts';

export type RocketMQName =
  | { kind: 'setting'; name: string; unit?: 'seconds' }
  | { kind: 'constant'; name: string }
  | { kind: 'property'; name: string };

const setting = (name: string): RocketMQName => ({ kind: 'setting', name });

const ROCKETMQ_NAMES: Partial<Record<ConfigKey, RocketMQName>> = {
  brokerHeartbeatIntervalMs: setting('BrokerConfig.registerNameServerPeriod'),
  registerBrokerTimeoutMs: setting('BrokerConfig.registerBrokerTimeoutMills'),
  scanNotActiveBrokerIntervalMs: setting('NamesrvConfig.scanNotActiveBrokerInterval'),
  brokerChannelExpiredTimeMs: { kind: 'constant', name: 'RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME' },
  serverChannelMaxIdleTimeMs: { kind: 'setting', name: 'NettyServerConfig.serverChannelMaxIdleTimeSeconds', unit: 'seconds' },
  pollNameServerIntervalMs: setting('ClientConfig.pollNameServerInterval'),
  clientHeartbeatIntervalMs: setting('ClientConfig.heartbeatBrokerInterval'),
  persistConsumerOffsetIntervalMs: setting('ClientConfig.persistConsumerOffsetInterval'),
  connectTimeoutMs: setting('NettyClientConfig.connectTimeoutMillis'),
  mqClientApiTimeoutMs: setting('ClientConfig.mqClientApiTimeout'),
  sendMsgTimeoutMs: setting('DefaultMQProducer.sendMsgTimeout'),
  retryTimesWhenSendFailed: setting('DefaultMQProducer.retryTimesWhenSendFailed'),
  retryTimesWhenSendAsyncFailed: setting('DefaultMQProducer.retryTimesWhenSendAsyncFailed'),
  retryAnotherBrokerWhenNotStoreOK: setting('DefaultMQProducer.retryAnotherBrokerWhenNotStoreOK'),
  sendLatencyFaultEnable: setting('ClientConfig.sendLatencyEnable (4.x: DefaultMQProducer.sendLatencyFaultEnable)'),
  producerDefaultTopicQueueNums: setting('DefaultMQProducer.defaultTopicQueueNums'),
  autoCreateTopicEnable: setting('BrokerConfig.autoCreateTopicEnable'),
  brokerDefaultTopicQueueNums: setting('BrokerConfig.defaultTopicQueueNums'),
  longPollingEnable: setting('BrokerConfig.longPollingEnable'),
  shortPollingTimeMs: setting('BrokerConfig.shortPollingTimeMills'),
  channelExpiredTimeoutMs: setting('BrokerConfig.channelExpiredTimeout'),
  flushIntervalCommitLogMs: setting('MessageStoreConfig.flushIntervalCommitLog'),
  flushCommitLogLeastPages: setting('MessageStoreConfig.flushCommitLogLeastPages'),
  flushCommitLogThoroughIntervalMs: setting('MessageStoreConfig.flushCommitLogThoroughInterval'),
  syncFlushTimeoutMs: setting('MessageStoreConfig.syncFlushTimeout'),
  slaveTimeoutMs: setting('MessageStoreConfig.slaveTimeout'),
  flushConsumerOffsetIntervalMs: setting('BrokerConfig.flushConsumerOffsetInterval'),
  haSendHeartbeatIntervalMs: setting('MessageStoreConfig.haSendHeartbeatInterval'),
  haHousekeepingIntervalMs: setting('MessageStoreConfig.haHousekeepingInterval'),
  haMaxGapNotInSyncBytes: setting('MessageStoreConfig.haMaxGapNotInSync'),
  controllerHeartbeatIntervalMs: setting('BrokerConfig.brokerHeartbeatInterval'),
  controllerHeartBeatTimeoutMs: setting('BrokerConfig.controllerHeartBeatTimeoutMills'),
  controllerScanNotActiveBrokerIntervalMs: setting('ControllerConfig.scanNotActiveBrokerInterval'),
  scanInactiveMasterIntervalMs: setting('ControllerConfig.scanInactiveMasterInterval'),
  enableElectUncleanMaster: setting('ControllerConfig.enableElectUncleanMaster'),
  syncBrokerMetadataPeriodMs: setting('BrokerConfig.syncBrokerMetadataPeriod'),
  checkSyncStateSetPeriodMs: setting('BrokerConfig.checkSyncStateSetPeriod'),
  haMaxTimeSlaveNotCatchupMs: setting('MessageStoreConfig.haMaxTimeSlaveNotCatchup'),
  rebalanceIntervalMs: { kind: 'property', name: 'rocketmq.client.rebalance.waitInterval' },
  rebalanceMinIntervalMs: { kind: 'property', name: 'rocketmq.client.rebalance.minInterval' },
  pullBatchSize: setting('DefaultMQPushConsumer.pullBatchSize'),
  pullTimeDelayMillsWhenException: setting('ClientConfig.pullTimeDelayMillsWhenException'),
  pullThresholdForQueue: setting('DefaultMQPushConsumer.pullThresholdForQueue'),
  consumeConcurrentlyMaxSpan: setting('DefaultMQPushConsumer.consumeConcurrentlyMaxSpan'),
  consumeThreadMax: setting('DefaultMQPushConsumer.consumeThreadMax'),
  maxReconsumeTimes: setting('DefaultMQPushConsumer.maxReconsumeTimes'),
};

/** The RocketMQ name of a what-if path (`config.<key>`), if it has one. */
export function rocketmqNameOf(path: string): RocketMQName | undefined {
  const key = path.startsWith('config.') ? path.slice('config.'.length) : '';
  return Object.hasOwn(ROCKETMQ_NAMES, key) ? ROCKETMQ_NAMES[key as ConfigKey] : undefined;
}
