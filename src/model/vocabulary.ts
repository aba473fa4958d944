/**
 * RocketMQ's enumerations and the simulator's reasons, each said once: a const list (what the
 * scenario schema's enums are built from, and what test/unit/docs-vocabulary.test.ts checks the
 * documentation against) and its union type (what the model, the trace and the page use). Adding a value here is the one change; the compiler and
 * the exhaustive-switch lint then name every place that must decide what it means.
 */

/** Which RocketMQ generation to imitate where 4.x and 5.x differ. */
export const ROCKETMQ_VERSIONS = ['5.x', '4.x'] as const;
export type RocketMQVersion = (typeof ROCKETMQ_VERSIONS)[number];

/** BrokerRole. */
export const BROKER_ROLES = ['ASYNC_MASTER', 'SYNC_MASTER', 'SLAVE'] as const;
export type BrokerRole = (typeof BROKER_ROLES)[number];

/** FlushDiskType. */
export const FLUSH_DISK_TYPES = ['ASYNC_FLUSH', 'SYNC_FLUSH'] as const;
export type FlushDiskType = (typeof FLUSH_DISK_TYPES)[number];

/** CommunicationMode as a producer's send() uses it. */
export const SEND_MODES = ['SYNC', 'ASYNC', 'ONEWAY'] as const;
export type SendMode = (typeof SEND_MODES)[number];

/** MessageModel. */
export const MESSAGE_MODELS = ['CLUSTERING', 'BROADCASTING'] as const;
export type MessageModel = (typeof MESSAGE_MODELS)[number];

/** The AllocateMessageQueue* strategies, by their short names in a scenario. */
export const ALLOCATE_STRATEGIES = ['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH', 'CONFIG', 'MACHINE_ROOM'] as const;
export type AllocateStrategyName = (typeof ALLOCATE_STRATEGIES)[number];

/** ConsumeFromWhere (the three that 5.x still honours). */
export const CONSUME_FROM_WHERE = ['CONSUME_FROM_LAST_OFFSET', 'CONSUME_FROM_FIRST_OFFSET', 'CONSUME_FROM_TIMESTAMP'] as const;
export type ConsumeFromWhere = (typeof CONSUME_FROM_WHERE)[number];

/** How a producer spaces its sends: evenly, or with exponential gaps from the seeded PRNG. */
export const ARRIVALS = ['constant', 'poisson'] as const;
export type Arrival = (typeof ARRIVALS)[number];

/** The page's panels a scenario may point the reader to (`focus`). */
export const FOCUS_PANELS = ['topology', 'queues', 'nameServers', 'inspector', 'log', 'failover'] as const;
export type FocusPanel = (typeof FOCUS_PANELS)[number];

/** SendStatus: what a broker's SEND_MESSAGE answer says of a stored message. */
export const SEND_STATUSES = ['SEND_OK', 'FLUSH_DISK_TIMEOUT', 'FLUSH_SLAVE_TIMEOUT', 'SLAVE_NOT_AVAILABLE'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
/** A stored message the broker could not flush or replicate as asked: the producer is told, and by default does not resend. */
export type NotOkStatus = Exclude<SendStatus, 'SEND_OK'>;
/** What send() finally returned: a SendStatus, or FAILED once the last attempt failed. */
export type SendResultStatus = SendStatus | 'FAILED';

/** ResponseCode: the codes a simulated broker or NameServer answers with. */
export const RESPONSE_CODES = [
  'SUCCESS', 'SYSTEM_ERROR', 'TOPIC_NOT_EXIST', 'SERVICE_NOT_AVAILABLE', 'NO_PERMISSION', 'INVALID_PARAMETER',
  'PULL_NOT_FOUND', 'PULL_OFFSET_MOVED', 'PULL_RETRY_IMMEDIATELY', 'SUBSCRIPTION_NOT_EXIST', 'QUERY_NOT_FOUND', 'SYSTEM_BUSY',
  'SUBSCRIPTION_NOT_LATEST',
] as const;
export type ResponseCode = (typeof RESPONSE_CODES)[number];

/** Why a request got no answer (RemotingTimeoutException, RemotingConnectException, a closed channel ...). */
export const FAILURE_REASONS = ['timeout', 'channelClosed', 'connectRefused', 'connectTimeout', 'senderDown'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/**
 * Why one send attempt failed (send.failed): no answer, a route naming a broker without a master
 * address, the broker's ResponseCode, or a store status retried with retryAnotherBrokerWhenNotStoreOK.
 */
export type SendFailedReason = FailureReason | 'brokerNotExist' | ResponseCode | SendStatus;

/**
 * Why a broker registered with the NameServers (broker.registered): at its start, every
 * registerNameServerPeriod (BrokerController.start's schedule: the broker's heartbeat), at once
 * after its topic table changed (a topic created or updated: AdminBrokerProcessor,
 * createTopicInSendMessageMethod, a retry topic made at a consumer's heartbeat), or once the
 * controller gave it its role (ReplicasManager, controller mode).
 */
export const REGISTRATION_TRIGGERS = ['start', 'periodic', 'topicChanged', 'roleChanged'] as const;
export type RegistrationTrigger = (typeof REGISTRATION_TRIGGERS)[number];

/**
 * Why a client sent a heartbeat round (sendHeartbeatToAllBroker): its start
 * (DefaultMQPushConsumerImpl.start, DefaultMQProducerImpl.start), every heartbeatBrokerInterval,
 * a rebalance that changed a topic's queues (RebalancePushImpl.messageQueueChanged), or a 5.x
 * client's new channel to one broker (MQClientInstance's onChannelActive, a round of one:
 * client/channel-active.ts); the trace names all but 'periodic' (client.heartbeat `trigger`,
 * docs/trace.md).
 */
export type HeartbeatTrigger = 'start' | 'periodic' | 'rebalance' | 'channelActive';
/** The triggers a client.heartbeat line names: every heartbeat off the periodic round. */
export type NamedHeartbeatTrigger = Exclude<HeartbeatTrigger, 'periodic'>;

/** Why a NameServer forgot a broker (broker.removed). */
export const BROKER_REMOVAL_REASONS = ['expired', 'channelClosed', 'channelIdle', 'unregistered'] as const;
export type BrokerRemovalReason = (typeof BROKER_REMOVAL_REASONS)[number];

/**
 * Why a broker forgot a consumer (consumer.removed) or a producer (producer.removed), the same
 * four ways for both: it unregistered, its channel closed, the broker closed its channel idle for
 * serverChannelMaxIdleTimeSeconds (ClientHousekeepingService.onChannelIdle), or the 10 s scan
 * found its last heartbeat too old (scanNotActiveChannel).
 */
export const CONSUMER_REMOVAL_REASONS = ['unregistered', 'channelClosed', 'channelIdle', 'expired'] as const;
export type ConsumerRemovalReason = (typeof CONSUMER_REMOVAL_REASONS)[number];

/**
 * What becomes of a message whose consumption failed (consume.failed): sent back for a retry or to
 * the DLQ, dropped (BROADCASTING), or left to be read again because its queue was dropped while it
 * was consumed (ConsumeRequest.run does not process the result).
 */
export const CONSUME_FAILED_NEXT = ['retry', 'dlq', 'dropped', 'reread'] as const;
export type ConsumeFailedNext = (typeof CONSUME_FAILED_NEXT)[number];

/**
 * Why a stored message was lost (message.lost): a power loss took it before any other replica had
 * it, or (controller mode) its old master came back as a slave of a newer master and cut it off
 * its commit log (AutoSwitchHAClient truncates to the last epoch both share).
 */
export const MESSAGE_LOST_REASONS = ['notFlushedNotReplicated', 'truncatedByNewMaster', 'onewayNotDelivered', 'onewayRefused'] as const;
export type MessageLostReason = (typeof MESSAGE_LOST_REASONS)[number];

/** What made the controller elect (controller.elected): the master's channel closed, the heartbeat scan, the inactive-master scan, or a broker asking. */
export const ELECTION_TRIGGERS = ['channelClosed', 'expired', 'masterInactive', 'brokerElect'] as const;
export type ElectionTrigger = (typeof ELECTION_TRIGGERS)[number];
