/**
 * The `config` keys the what-if form offers: the keys a scenario's `config` accepts (configSchema,
 * src/scenario/config-schema.ts, takes exactly the keys of ROCKETMQ_DEFAULTS, each of its default's
 * type), less those whose comparison would teach nothing about RocketMQ. A link may still change
 * any of them: applyWhatIf validates the change as a scenario file.
 */
import { ROCKETMQ_DEFAULTS, type ConfigKey, type Scenario } from '../../../sim/index.ts';
import type { WhatIfChoice } from './what-if-choices.ts';

const NOT_OFFERED: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  // Constants in RocketMQ's code, which no deployment sets: the initial delays of the scheduled tasks
  // (BrokerController.start and its consumerOffset.json writes, NamesrvController, MQClientInstance.startScheduledTask, SlaveSynchronize,
  // DefaultBrokerHeartbeatManager.start), BrokerOuterAPI.unregisterBrokerAll's 3000 ms,
  // PullRequestHoldService's 5 s, ClientHousekeepingService's 10 s, HAConnection's 100 ms wait,
  // SlaveSynchronize's 3 s and 60 s, DefaultMQPushConsumerImpl's BROKER_SUSPEND_MAX_TIME_MILLIS,
  // CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND and PULL_TIME_DELAY_MILLS_WHEN_CACHE_FLOW_CONTROL, and
  // ConsumeMessageConcurrentlyService's 5 s before a failed send-back is consumed again.
  'brokerRegisterInitialDelayMs', 'scanNotActiveBrokerInitialDelayMs', 'routeRefreshInitialDelayMs', 'clientHeartbeatInitialDelayMs',
  'persistConsumerOffsetInitialDelayMs', 'flushConsumerOffsetInitialDelayMs', 'slaveSyncInitialDelayMs', 'controllerScanNotActiveBrokerInitialDelayMs', 'unregisterBrokerTimeoutMs',
  'pullRequestHoldCheckMs', 'clientChannelScanIntervalMs', 'haTransferWaitMs', 'slaveSyncCheckIntervalMs', 'slaveSyncMinIntervalMs',
  'brokerSuspendMaxTimeMs', 'consumerTimeoutWhenSuspendMs', 'pullTimeDelayMillsWhenFlowControl', 'sendBackFailedRetryDelayMs',
  // Not RocketMQ's: the workload and the simulated network.
  'messageBodyBytes', 'consumeTimeMs', 'networkLatencyMs', 'networkJitterMs',
  // UpdateTopicSubCommand's defaults, read by the command, not by a process: the topics' own counts and perm are offered.
  'topicQueueNums', 'topicPerm',
  // Another deployment rather than another setting: controller mode needs a controller the scenario declares.
  'enableControllerMode', 'enableControllerInNamesrv',
]);

/** Read only in controller mode (BrokerConfig, ControllerConfig, ReplicasManager): elsewhere a change changes nothing. */
const CONTROLLER_ONLY: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'controllerHeartbeatIntervalMs', 'controllerHeartBeatTimeoutMs', 'controllerScanNotActiveBrokerIntervalMs', 'scanInactiveMasterIntervalMs',
  'enableElectUncleanMaster', 'syncBrokerMetadataPeriodMs', 'checkSyncStateSetPeriodMs', 'haMaxTimeSlaveNotCatchupMs',
]);

const BOOLEANS = ['true', 'false'] as const;

/** The send retries one more; any other number halved (the sooner RocketMQ notices), else its default, else one more. */
function suggestedNumber(key: ConfigKey, current: number): number {
  if (key === 'retryTimesWhenSendFailed' || key === 'retryTimesWhenSendAsyncFailed') return current + 1;
  const half = Math.round(current / 2);
  if (half !== current) return half;
  const byDefault = ROCKETMQ_DEFAULTS[key] as number;
  return byDefault !== current ? byDefault : current + 1;
}

function configChoice(key: ConfigKey, current: number | boolean): WhatIfChoice {
  const path = `config.${key}`;
  if (typeof current === 'boolean') return { path, current: String(current), suggested: String(!current), options: BOOLEANS };
  return { path, current, suggested: suggestedNumber(key, current) };
}

/**
 * The number and true/false config keys offered for a scenario, in the order of ROCKETMQ_DEFAULTS,
 * with their values in it. The two text keys have no field: rocketmqVersion is offered with its
 * versions (what-if-choices.ts), messageDelayLevel's 18 delays in one text are left to a link.
 */
export function configChoices(scenario: Scenario): WhatIfChoice[] {
  const { config } = scenario;
  return (Object.keys(ROCKETMQ_DEFAULTS) as ConfigKey[])
    .filter((key) => typeof ROCKETMQ_DEFAULTS[key] !== 'string' && !NOT_OFFERED.has(key))
    .filter((key) => config.enableControllerMode || !CONTROLLER_ONLY.has(key))
    .map((key) => configChoice(key, config[key] as number | boolean));
}
