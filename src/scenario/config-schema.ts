/**
 * The `config` section: any key of ROCKETMQ_DEFAULTS, each with a range that keeps a run sane.
 * Only keys of ROCKETMQ_DEFAULTS are accepted, so a typo is reported instead of being ignored.
 */
import { z } from 'zod/mini';
import { ROCKETMQ_DEFAULTS, type ConfigKey, type SimConfig } from '../model/defaults.ts';
import { PERM_PRIORITY } from '../model/perm.ts';
import { ROCKETMQ_VERSIONS } from '../model/vocabulary.ts';
import { AN_OBJECT, TRUE_OR_FALSE, choice, integer } from './fields.ts';
import { carried, says, unknownFields } from './messages.ts';

type NumericKey = { [K in ConfigKey]: SimConfig[K] extends number ? K : never }[ConfigKey];
type Range = readonly [min: number, max: number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A periodic task: a period of 0 would repeat at one instant forever and freeze the run. */
const PERIOD: Range = [1, HOUR];
/** An initial delay or a wait: 0 is meaningful ("at once"). */
const DELAY: Range = [0, HOUR];
/** A timeout or an expiry: 0 would make every call fail before it starts. */
const TIMEOUT: Range = [1, DAY];
const QUEUES: Range = [1, 1024];
const RETRIES: Range = [0, 100];

/**
 * One deliberate range per numeric key: the compiler insists, so a key added to
 * ROCKETMQ_DEFAULTS cannot slip in without a bound.
 */
const CONFIG_RANGES: Record<NumericKey, Range> = {
  brokerHeartbeatIntervalMs: PERIOD,
  brokerRegisterInitialDelayMs: DELAY,
  registerBrokerTimeoutMs: TIMEOUT,
  unregisterBrokerTimeoutMs: TIMEOUT,
  scanNotActiveBrokerIntervalMs: PERIOD,
  scanNotActiveBrokerInitialDelayMs: DELAY,
  brokerChannelExpiredTimeMs: TIMEOUT,
  /** 0 switches the idle close off, as IdleStateHandler does with 0. */
  serverChannelMaxIdleTimeMs: [0, DAY],
  pollNameServerIntervalMs: PERIOD,
  routeRefreshInitialDelayMs: DELAY,
  clientHeartbeatIntervalMs: PERIOD,
  clientHeartbeatInitialDelayMs: DELAY,
  persistConsumerOffsetIntervalMs: PERIOD,
  persistConsumerOffsetInitialDelayMs: DELAY,
  connectTimeoutMs: TIMEOUT,
  mqClientApiTimeoutMs: TIMEOUT,
  sendMsgTimeoutMs: TIMEOUT,
  retryTimesWhenSendFailed: RETRIES,
  retryTimesWhenSendAsyncFailed: RETRIES,
  producerDefaultTopicQueueNums: QUEUES,
  /** DefaultMQProducer.maxMessageSize: 4 MiB. */
  messageBodyBytes: [1, 4 * 1024 * 1024],
  brokerDefaultTopicQueueNums: QUEUES,
  topicQueueNums: QUEUES,
  /** PermName.isValid: 0 <= perm < PERM_PRIORITY. */
  topicPerm: [0, PERM_PRIORITY - 1],
  shortPollingTimeMs: PERIOD,
  pullRequestHoldCheckMs: PERIOD,
  clientChannelScanIntervalMs: PERIOD,
  channelExpiredTimeoutMs: TIMEOUT,
  flushIntervalCommitLogMs: PERIOD,
  flushCommitLogLeastPages: [0, 1 << 20],
  flushCommitLogThoroughIntervalMs: PERIOD,
  syncFlushTimeoutMs: TIMEOUT,
  slaveTimeoutMs: TIMEOUT,
  haSendHeartbeatIntervalMs: PERIOD,
  haHousekeepingIntervalMs: PERIOD,
  haMaxGapNotInSyncBytes: [1, 2 ** 40],
  haTransferWaitMs: PERIOD,
  slaveSyncInitialDelayMs: DELAY,
  flushConsumerOffsetIntervalMs: PERIOD,
  flushConsumerOffsetInitialDelayMs: DELAY,
  slaveSyncCheckIntervalMs: PERIOD,
  slaveSyncMinIntervalMs: DELAY,
  controllerHeartbeatIntervalMs: PERIOD,
  controllerHeartBeatTimeoutMs: TIMEOUT,
  controllerScanNotActiveBrokerIntervalMs: PERIOD,
  controllerScanNotActiveBrokerInitialDelayMs: DELAY,
  scanInactiveMasterIntervalMs: PERIOD,
  syncBrokerMetadataPeriodMs: PERIOD,
  checkSyncStateSetPeriodMs: PERIOD,
  haMaxTimeSlaveNotCatchupMs: TIMEOUT,
  rebalanceIntervalMs: PERIOD,
  rebalanceMinIntervalMs: DELAY,
  /** DefaultMQPushConsumerImpl.checkConfig: pullBatchSize in [1, 1024]. */
  pullBatchSize: [1, 1024],
  brokerSuspendMaxTimeMs: DELAY,
  consumerTimeoutWhenSuspendMs: TIMEOUT,
  pullTimeDelayMillsWhenException: PERIOD,
  pullTimeDelayMillsWhenFlowControl: PERIOD,
  /** DefaultMQPushConsumerImpl.checkConfig: pullThresholdForQueue in [1, 65535]. */
  pullThresholdForQueue: [1, 65_535],
  /** DefaultMQPushConsumerImpl.checkConfig: consumeConcurrentlyMaxSpan in [1, 65535]. */
  consumeConcurrentlyMaxSpan: [1, 65_535],
  /** DefaultMQPushConsumerImpl.checkConfig: consumeThreadMax in [1, 1000]. */
  consumeThreadMax: [1, 1_000],
  consumeTimeMs: DELAY,
  /** DefaultMQPushConsumer.maxReconsumeTimes: -1, its own default, means 16 (resolveConfig). */
  maxReconsumeTimes: [-1, 100],
  sendBackFailedRetryDelayMs: PERIOD,
  networkLatencyMs: [0, 60_000],
  networkJitterMs: [0, 60_000],
};

/** MessageStoreConfig.messageDelayLevel, parsed by ScheduleMessageService.parseDelayLevel: units s, m, h, d. */
const DELAY_LEVELS = /^\d{1,6}[smhd](?: \d{1,6}[smhd]){17}$/;
const DELAY_LEVELS_RULE = {
  en: `must be 18 delays separated by single spaces, each a number and a unit s, m, h or d, such as ${JSON.stringify(ROCKETMQ_DEFAULTS.messageDelayLevel)}`,
  zh: `必须是用单个空格分隔的 18 个延迟，每个是一个数加单位 s、m、h 或 d，例如 ${JSON.stringify(ROCKETMQ_DEFAULTS.messageDelayLevel)}`,
};

function configField(key: ConfigKey): z.ZodMiniType {
  if (key === 'rocketmqVersion') return choice(ROCKETMQ_VERSIONS);
  if (key === 'messageDelayLevel') return z.string({ error: says(DELAY_LEVELS_RULE) }).check(z.regex(DELAY_LEVELS));
  if (typeof ROCKETMQ_DEFAULTS[key] === 'boolean') return z.boolean({ error: says(TRUE_OR_FALSE) });
  const [min, max] = CONFIG_RANGES[key as NumericKey];
  return integer(min, max);
}

const CONFIG_KEYS = Object.keys(ROCKETMQ_DEFAULTS) as ConfigKey[];

/**
 * The schema is assembled from the keys of ROCKETMQ_DEFAULTS, so its static type is declared
 * here: each field checks exactly the type of its default.
 */
export const configSchema = z.strictObject(
  Object.fromEntries(CONFIG_KEYS.map((key) => [key, z.optional(configField(key))])),
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, CONFIG_KEYS) : carried(AN_OBJECT)) },
) as unknown as z.ZodMiniType<ConfigFile>;

/** What a file may write in `config`; an explicit `undefined` (possible from code, not JSON) means "default". */
export type ConfigFile = { [K in ConfigKey]?: SimConfig[K] | undefined };
