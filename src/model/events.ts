/**
 * Model events (what is scheduled on the virtual clock) and trace events (what a run reports,
 * docs/trace.md). Both are plain data in one discriminated union each.
 */
import type { NetEvent } from '../engine/index.ts';
import type { ClientChannelIdleCheck } from './broker/client-channel-idle.ts';
import type { ChannelIdleCheck } from './nameserver/channel-idle.ts';
import type { RemotingRequest, RequestCode, Wire } from './remoting-types.ts';
import type {
  BrokerRemovalReason, BrokerRole, ConsumeFailedNext, ConsumerRemovalReason, ElectionTrigger, FailureReason, MessageLostReason, NamedHeartbeatTrigger, RegistrationTrigger, ResponseCode,
  SendFailedReason, SendResultStatus,
} from './vocabulary.ts';
import type { TimelineAction } from './spec.ts';
import type { DuplicateCause, StoredMessage } from './state.ts';

export type ModelEvent =
  | { kind: 'timeline'; action: TimelineAction }
  | { kind: 'lifecycle.start'; node: string }
  | { kind: 'nameServer.scanNotActiveBroker'; nameServer: string; epoch: number }
  | ({ kind: 'nameServer.channelIdleCheck' } & ChannelIdleCheck)
  | { kind: 'broker.registerAll'; broker: string; epoch: number }
  | { kind: 'broker.flushConsumerOffset'; broker: string; epoch: number }
  | { kind: 'broker.scanNotActiveChannel'; broker: string; epoch: number }
  | ({ kind: 'broker.channelIdleCheck' } & ClientChannelIdleCheck)
  | { kind: 'broker.pullHoldCheck'; broker: string; epoch: number }
  | { kind: 'broker.scheduleDeliver'; broker: string; epoch: number; scheduleEpoch: number; index: number; storeId: number }
  | { kind: 'broker.haReport'; broker: string; epoch: number }
  | { kind: 'broker.haTransfer'; broker: string; epoch: number; slave: string }
  | { kind: 'broker.syncReplicaTimeout'; broker: string; epoch: number; node: string; rpcId: number }
  | { kind: 'broker.slaveSync'; broker: string; epoch: number }
  | { kind: 'broker.flushCommitLog'; broker: string; epoch: number }
  | { kind: 'broker.controllerHeartbeat'; broker: string; epoch: number }
  | { kind: 'broker.syncBrokerMetadata'; broker: string; epoch: number }
  | { kind: 'broker.checkSyncStateSet'; broker: string; epoch: number }
  | { kind: 'controller.scanNotActiveBroker'; controller: string; epoch: number }
  | { kind: 'controller.scanInactiveMaster'; controller: string; epoch: number }
  | { kind: 'client.routeRefresh'; client: string; epoch: number }
  | { kind: 'client.heartbeat'; client: string; epoch: number }
  /** NettyEventExecutor handing a 5.x client's new channel to a broker to MQClientInstance's listener (connect.ts channelActive). */
  | { kind: 'client.channelActive'; client: string; epoch: number; broker: string }
  | { kind: 'consumer.persistOffsets'; client: string; epoch: number }
  | { kind: 'consumer.rebalance'; client: string; epoch: number; periodic: boolean }
  | { kind: 'consumer.pull'; client: string; epoch: number; queueKey: string; token: number }
  /** 4.x's OFFSET_ILLEGAL fix-up, run 10 s after the answer (pull.ts offsetIllegal). */
  | { kind: 'consumer.fixOffset'; client: string; epoch: number; queueKey: string; token: number; nextOffset: number }
  | ConsumedEvent
  | { kind: 'producer.send'; client: string; epoch: number; rateEpoch: number }
  | { kind: 'rpc.timeout'; id: number }
  | { kind: 'remoting.scanResponseTable' }
  | { kind: 'rpc.failed'; id: number; reason: FailureReason }
  | { kind: 'remoting.connectRetry'; from: string; to: string; startedAt: number }
  /** A oneway request whose connect failed: invokeOneway's listener drops it. */
  | { kind: 'remoting.onewayDropped'; to: string; request: RemotingRequest };

/**
 * Messages whose listener started on their threads at startedAt, finishing now (ConsumeRequest.run);
 * brokerId is that of the broker of brokerName they were pulled from (the master, else a slave).
 */
export interface ConsumedEvent {
  kind: 'consumer.consumed'; client: string; epoch: number; queueKey: string; token: number; brokerName: string; brokerId: number; messages: StoredMessage[];
  startedAt: number;
}

export type AnyEvent = ModelEvent | NetEvent<Wire>;

export type TraceEvent =
  | { t: number; type: 'broker.registered'; nameServer: string; broker: string; brokerId: number; first: boolean; trigger: RegistrationTrigger }
  | { t: number; type: 'broker.removed'; nameServer: string; broker: string; brokerId: number; reason: BrokerRemovalReason }
  /** fromTopic: the topic whose route the NameServer gave: the topic itself, or TBW102 standing in for one it does not know. */
  | { t: number; type: 'route.updated'; client: string; topic: string; writeQueues: string[]; readQueues: string[]; nameServer: string; fromTopic: string }
  /** Every answer to a client's route query (GET_ROUTEINFO_BY_TOPIC for `topic`); found is false for TOPIC_NOT_EXIST, changed when a route.updated follows. */
  | { t: number; type: 'route.pulled'; client: string; topic: string; nameServer: string; found: boolean; changed: boolean }
  /** passed: the NameServers the same call went past first, in 4.x only, refused or unanswered, in order (5.3 fails the call at the first). */
  | { t: number; type: 'route.failed'; client: string; topic: string; nameServer: string; reason: FailureReason; passed?: string[] }
  | { t: number; type: 'nameServer.chosen'; client: string; nameServer: string }
  | { t: number; type: 'topic.updated'; broker: string; topic: string; writeQueueNums: number; readQueueNums: number; perm: number; created: boolean; auto: boolean }
  /** mqadmin updateTopic could not reach this master: the command stopped there (src/model/mqadmin.ts). */
  | { t: number; type: 'topic.updateFailed'; topic: string; broker: string; reason: FailureReason }
  /** mqadmin wipeWritePerm / addWritePerm on one NameServer: the topics of the brokerName it went through (src/model/mqadmin.ts). */
  | { t: number; type: 'nameServer.wipeWritePerm'; nameServer: string; broker: string; topicCount: number }
  | { t: number; type: 'nameServer.addWritePerm'; nameServer: string; broker: string; topicCount: number }
  /** The command could not reach this NameServer: it printed "Failed" and went on to the next. */
  | { t: number; type: 'nameServer.writePermFailed'; nameServer: string; broker: string; command: 'wipeWritePerm' | 'addWritePerm'; reason: FailureReason }
  | { t: number; type: 'message.sent'; producer: string; msgId: string; topic: string; tags: string; keys: string; broker: string; queueId: number; attempt: number }
  | { t: number; type: 'message.stored'; broker: string; brokerId: number; topic: string; queueId: number; queueOffset: number; commitLogOffset: number; msgId: string; offsetMsgId: string }
  | { t: number; type: 'message.lost'; msgId: string; broker: string; brokerId: number; topic: string; queueId: number; queueOffset: number; reason: MessageLostReason }
  /**
   * A master stored a message at a queue offset its reader (a group, or "group/consumer" in
   * BROADCASTING) had already read past (readerOffset): the offset was handed out before, and cut
   * back by a power loss or a truncation; that reader never reads it (broker/stored-behind.ts).
   */
  | { t: number; type: 'message.storedBehind'; reader: string; msgId: string; broker: string; topic: string; queueId: number; queueOffset: number; readerOffset: number }
  | { t: number; type: 'message.filtered'; group: string; msgId: string; broker: string; topic: string; queueId: number; queueOffset: number; tags: string; by: 'broker' | 'client' }
  | { t: number; type: 'send.failed'; producer: string; msgId: string; broker: string; queueId: number; attempt: number; reason: SendFailedReason }
  | { t: number; type: 'send.result'; producer: string; msgId: string; status: SendResultStatus }
  /**
   * A synchronous call that timed out closed its channel (NettyRemotingClient.invokeSync with
   * clientCloseSocketIfTimeout): `from` made the call to `to` (network nodes: a client's or
   * NameServer's id, a broker process as brokerName/brokerId as declared), `code` is its
   * RequestCode, `waitedMs` its timeout, `failed` the other calls on the channel the close failed,
   * counted by RequestCode.
   */
  | { t: number; type: 'channel.closed'; from: string; to: string; code: RequestCode; waitedMs: number; failed: Partial<Record<RequestCode, number>> }
  | { t: number; type: 'rebalance'; consumer: string; group: string; topic: string; queues: string[] }
  | { t: number; type: 'client.heartbeat'; broker: string; brokerId: number; client: string; group: string; trigger?: NamedHeartbeatTrigger }
  | { t: number; type: 'consumer.registered'; broker: string; brokerId: number; group: string; consumer: string }
  /**
   * The route query of a consumer's start failed (DefaultMQPushConsumerImpl.start throws): shutdown, the
   * consumer shut itself down (5.3.2 and later), or it runs on without the start's heartbeat and rebalance (4.9.8).
   */
  | { t: number; type: 'consumer.startFailed'; consumer: string; group: string; topic: string; nameServer: string; reason: FailureReason; shutdown: boolean }
  | { t: number; type: 'consumer.removed'; broker: string; brokerId: number; group: string; consumer: string; reason: ConsumerRemovalReason }
  | { t: number; type: 'producer.registered'; broker: string; brokerId: number; group: string; producer: string }
  | { t: number; type: 'producer.removed'; broker: string; brokerId: number; group: string; producer: string; reason: ConsumerRemovalReason }
  | { t: number; type: 'message.consumed'; consumer: string; group: string; msgId: string; broker: string; brokerId: number; queueId: number; queueOffset: number; topic: string; reconsumeTimes: number }
  /** Right after a message.consumed that was not the reader's first consumption of msgId: what brought it back (consume-service.ts duplicateCause). */
  | { t: number; type: 'message.consumedAgain'; consumer: string; group: string; msgId: string; cause: DuplicateCause }
  | { t: number; type: 'consume.failed'; consumer: string; group: string; msgId: string; reconsumeTimes: number; next: ConsumeFailedNext }
  /** noGroupInfo: SUBSCRIPTION_NOT_EXIST because the broker has no ConsumerGroupInfo for the group (it lost its consumer table in a restart). */
  | { t: number; type: 'pull.rejected'; consumer: string; broker: string; brokerId: number; topic: string; queueId: number; reason: ResponseCode; noGroupInfo?: true }
  | { t: number; type: 'offset.committed'; consumer: string; group: string; broker: string; queueId: number; offset: number; topic: string }
  /** Controller mode: the controller elected a master (brokerId: its controller id) or, with none alive in sync, none (null). */
  | { t: number; type: 'controller.elected'; controller: string; broker: string; brokerId: number | null; masterEpoch: number; trigger: ElectionTrigger }
  /** Controller mode: the controller accepted a master's new SyncStateSet (controller ids). */
  | { t: number; type: 'syncStateSet.changed'; controller: string; broker: string; syncStateSet: number[]; syncStateSetEpoch: number }
  /** Controller mode: a broker took the role the controller gave it (brokerId 0 as master, its controller id as slave). */
  | { t: number; type: 'broker.roleChanged'; broker: string; brokerId: number; controllerId: number; role: BrokerRole; masterEpoch: number }
  | { t: number; type: 'fault'; action: string; target: string; brokerId?: number; peer?: string; startsAt?: number; noEffect?: true; cancelsStartAt?: number };

export type TraceType = TraceEvent['type'];

