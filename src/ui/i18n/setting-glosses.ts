/**
 * The Chinese gloss of a setting whose name a Chinese reader may not know at sight: the scenario's
 * and RocketMQ's names stay in Latin script (writeQueueNums, sendLatencyFaultEnable), the gloss
 * follows in brackets. The What-if list and the editor's knobs say a setting the same way.
 */
const SETTINGS_ZH: Readonly<Record<string, string>> = {
  writeQueueNums: '写队列数', readQueueNums: '读队列数', perm: '读写权限', allocateStrategy: '分配策略', consumers: '消费者个数',
  ratePerSec: '每秒发送条数', sendMode: '发送方式', role: '角色', flushDiskType: '刷盘方式', slaveReadEnable: 'Slave 是否提供读取', rocketmqVersion: '版本',
  // The config keys a learner meets in the chapters and the producer's and consumer's settings.
  brokerHeartbeatIntervalMs: 'Broker 注册/心跳间隔', registerBrokerTimeoutMs: '注册超时', scanNotActiveBrokerIntervalMs: '扫描不活跃 Broker 的间隔',
  brokerChannelExpiredTimeMs: 'Broker 过期时间', serverChannelMaxIdleTimeMs: '空闲连接关闭时间', pollNameServerIntervalMs: '拉取路由间隔',
  clientHeartbeatIntervalMs: '客户端心跳间隔', persistConsumerOffsetIntervalMs: '提交消费位点间隔', connectTimeoutMs: '建连超时',
  sendMsgTimeoutMs: '发送超时', retryTimesWhenSendFailed: '同步发送重试次数', retryTimesWhenSendAsyncFailed: '异步发送重试次数',
  retryAnotherBrokerWhenNotStoreOK: '存储状态非 SEND_OK 时换 Broker 重试', sendLatencyFaultEnable: '延迟故障规避',
  autoCreateTopicEnable: '自动创建主题', rebalanceIntervalMs: '负载均衡间隔', pullBatchSize: '每次拉取条数', pullThresholdForQueue: '每个队列缓存条数上限',
  consumeThreadMax: '消费线程数', maxReconsumeTimes: '最大重试消费次数', syncFlushTimeoutMs: '同步刷盘超时', slaveTimeoutMs: '等待 Slave 确认的超时',
  mqClientApiTimeoutMs: '客户端调用 NameServer 等的超时', producerDefaultTopicQueueNums: '自动创建主题时生产者请求的队列数',
  brokerDefaultTopicQueueNums: 'TBW102 的队列数，自动创建主题的上限', longPollingEnable: '长轮询', shortPollingTimeMs: '短轮询等待时间',
  channelExpiredTimeoutMs: 'Broker 判定客户端连接过期的时间', flushIntervalCommitLogMs: '异步刷盘间隔', flushCommitLogLeastPages: '每次刷盘最少页数',
  flushCommitLogThoroughIntervalMs: '强制全部刷盘的间隔', haSendHeartbeatIntervalMs: 'HA 上报进度间隔', haHousekeepingIntervalMs: 'HA 连接静默关闭时间',
  haMaxGapNotInSyncBytes: 'Slave 落后多少字节算不同步', flushConsumerOffsetIntervalMs: 'Broker 持久化消费位点的间隔', rebalanceMinIntervalMs: '负载均衡最短间隔',
  pullTimeDelayMillsWhenException: '拉取出错后重试的等待', consumeConcurrentlyMaxSpan: '并发消费的最大位点跨度',
  // Controller mode (shown when a scenario runs it).
  controllerHeartbeatIntervalMs: 'Broker 向 Controller 心跳的间隔', controllerHeartBeatTimeoutMs: 'Controller 心跳超时',
  controllerScanNotActiveBrokerIntervalMs: 'Controller 扫描不活跃 Broker 的间隔', scanInactiveMasterIntervalMs: '扫描不活跃 Master 的间隔',
  enableElectUncleanMaster: '允许选出不同步的 Master', syncBrokerMetadataPeriodMs: '同步 Broker 元数据的间隔', checkSyncStateSetPeriodMs: '检查同步副本集的间隔',
  haMaxTimeSlaveNotCatchupMs: 'Slave 多久没追上就移出同步副本集',
};

/** "readQueueNums（读队列数）", or the name alone when it has no gloss. */
export function glossedZh(setting: string): string {
  const gloss = SETTINGS_ZH[setting];
  return gloss ? `${setting}（${gloss}）` : setting;
}
