/**
 * What travels on the simulated wire: RemotingCommand requests and responses, named by their
 * RocketMQ RequestCode / ResponseCode.
 */
import type { SendInFlight, StoredMessage, TopicConfig, TopicRouteData } from './state.ts';
import type { HeartbeatTrigger, MessageModel, RegistrationTrigger, ResponseCode, SendStatus } from './vocabulary.ts';

/**
 * ConsumerData in a heartbeat; subVersions: each subscribed topic's SubscriptionData.subVersion
 * (set at the consumer's start and at every rebalance that changes the topic's queues).
 */
export interface ConsumerData {
  group: string;
  messageModel: MessageModel;
  subscriptions: Record<string, string>;
  subVersions: Record<string, number>;
}

/**
 * Where a message a consumer's own producer sends back (send-back-fallback.ts) was consumed from:
 * its ProcessQueue, to release the offset once stored or to consume it again locally if it fails.
 */
export interface SentBackOrigin {
  queueKey: string;
  token: number;
  brokerName: string;
  brokerId: number;
  message: StoredMessage;
}

export type RemotingRequest =
  /** stateVersion: DataVersion.stateVersion, the master epoch in controller mode (0 otherwise). */
  /** trigger: the simulator's note of why the broker registers, for the trace (RocketMQ's request does not say). */
  | { code: 'REGISTER_BROKER'; brokerName: string; brokerId: number; cluster: string; brokerAddr: string; topicConfigTable: Record<string, TopicConfig>; dataVersion: number; stateVersion: number; trigger: RegistrationTrigger }
  | { code: 'UNREGISTER_BROKER'; brokerName: string; brokerId: number; cluster: string; brokerAddr: string }
  /**
   * defaultFor: TBW102's route asked on behalf of a topic the NameServer does not know (isDefault).
   * topicNotExist: asked by a consumer's rebalance that found no queues of the topic; its
   * messageQueueChanged waits for the answer (findConsumerIdList asks synchronously).
   */
  | { code: 'GET_ROUTEINFO_BY_TOPIC'; topic: string; client: string; defaultFor?: string; passed?: string[]; since?: number; topicNotExist?: true }
  /**
   * attempt: 1 for the first, then each retry's number (the message itself is the same object on
   * every attempt); sendResult: the not-OK status an earlier attempt's store got, which the send
   * returns if no later attempt stores (retryAnotherBrokerWhenNotStoreOK).
   */
  | { code: 'SEND_MESSAGE'; producer: string; topic: string; queueId: number; brokerName: string; message: SendInFlight; attempt: number; sendResult: SendStatus | undefined; sentBack?: SentBackOrigin }
  /** HeartbeatData: the client's producer group (ProducerData) and consumer group (ConsumerData), each when it has one. */
  /** trigger: the simulator's note of why the client sent it (RocketMQ's request does not say): the trace names every one but the periodic round's, and a consumer's 'channelActive' (client/channel-active.ts) wakes the rebalance once answered. */
  | { code: 'HEART_BEAT'; clientId: string; producerData: { group: string } | null; consumerData: ConsumerData | null; trigger: HeartbeatTrigger }
  /** UnregisterClientRequestHeader: producerGroup and consumerGroup, each null when not unregistered. */
  | { code: 'UNREGISTER_CLIENT'; clientId: string; producerGroup: string | null; consumerGroup: string | null }
  | { code: 'GET_CONSUMER_LIST_BY_GROUP'; group: string; topic: string }
  | { code: 'QUERY_CONSUMER_OFFSET'; group: string; topic: string; queueId: number; queueKey: string; token: number }
  | { code: 'UPDATE_CONSUMER_OFFSET'; group: string; topic: string; queueId: number; offset: number }
  /** MQAdminImpl.maxOffset (GetMaxOffsetRequestHeader): a queue's end, asked by a consumer with no offset of its own for it. */
  | { code: 'GET_MAX_OFFSET'; topic: string; queueId: number; queueKey: string; token: number }
  | { code: 'PULL_MESSAGE'; group: string; topic: string; queueId: number; queueOffset: number; maxMsgNums: number; subVersion: number; suspendTimeoutMs: number; queueKey: string; token: number; commitOffset: number }
  /** queueKey and token: the ProcessQueue whose offset the message holds until the send-back is answered. */
  | { code: 'CONSUMER_SEND_MSG_BACK'; group: string; brokerName: string; message: StoredMessage; delayLevel: number; maxReconsumeTimes: number; queueKey: string; token: number }
  | { code: 'NOTIFY_CONSUMER_IDS_CHANGED'; group: string }
  /** SlaveSynchronize: a slave copies its master's topic table and consumer offsets. */
  | { code: 'GET_ALL_TOPIC_CONFIG' }
  | { code: 'GET_ALL_CONSUMER_OFFSET' }
  /**
   * The HA channel (HAService, a plain socket beside remoting): the slave reports how much of the
   * commit log it has (`hello` opens a connection, which then starts from that point; `report`
   * false: a connect whose first report comes later, ha-service.ts) ...
   */
  | { code: 'HA_REPORT'; hello: boolean; report: boolean; index: number; offset: number }
  /** ... and the master sends the commit log from `fromIndex` on. */
  | { code: 'HA_TRANSFER'; fromOffset: number; messages: readonly StoredMessage[]; epoch: number; misaligned: boolean }
  /**
   * Controller mode (controller/controller.ts). BROKER_HEARTBEAT: ReplicasManager.sendHeartbeatToController,
   * oneway every brokerHeartbeatInterval, with the broker's epoch and max offset for the election.
   */
  | { code: 'BROKER_HEARTBEAT'; brokerName: string; controllerId: number; epoch: number; maxOffset: number; heartbeatTimeoutMillis: number }
  /** ApplyBrokerId and REGISTER_BROKER_TO_CONTROLLER in one: the broker learns its group's master. */
  | { code: 'CONTROLLER_REGISTER_BROKER'; brokerName: string; controllerId: number }
  | { code: 'CONTROLLER_GET_REPLICA_INFO'; brokerName: string }
  /** ReplicasManager.brokerElect: a broker of a group without a master asks to be elected. */
  | { code: 'CONTROLLER_ELECT_MASTER'; brokerName: string; controllerId: number }
  /** A master reports its SyncStateSet after it shrank or grew. */
  | { code: 'CONTROLLER_ALTER_SYNC_STATE_SET'; brokerName: string; controllerId: number; masterEpoch: number; syncStateSet: number[] }
  /** ControllerManager.notifyBrokerRoleChanged: oneway to each live broker of the group after an election. */
  | { code: 'NOTIFY_BROKER_ROLE_CHANGED'; replicaInfo: ReplicaInfo };

/** GetReplicaInfoResponseHeader with its SyncStateSet: who the group's master is, at which epoch. */
export interface ReplicaInfo {
  brokerName: string;
  masterBrokerId: number | null;
  masterAddr: string | null;
  masterEpoch: number;
  syncStateSet: number[];
  syncStateSetEpoch: number;
}

export type RequestCode = RemotingRequest['code'];

export interface RemotingResponse {
  code: ResponseCode;
  remark?: string;
  route?: TopicRouteData;
  /** REGISTER_BROKER to a slave: its master, when the NameServer has it (RegisterBrokerResult). */
  masterAddr?: string;
  /** GET_ALL_TOPIC_CONFIG. */
  topicConfigTable?: Record<string, TopicConfig>;
  /** GET_ALL_CONSUMER_OFFSET: group -> "topic@queueId" -> offset. */
  offsetTable?: Record<string, Record<string, number>>;
  /** With GET_ALL_CONSUMER_OFFSET's answer: the master's delay offsets (GET_ALL_DELAY_OFFSET in RocketMQ), level -> queue offset. */
  delayOffsetTable?: Record<number, number>;
  /** SEND_MESSAGE: where it was stored and the SendStatus. */
  sendStatus?: SendStatus;
  queueOffset?: number;
  offsetMsgId?: string;
  consumerIds?: string[];
  offset?: number;
  /** PULL_MESSAGE: the found messages and the next offset to pull from. */
  messages?: StoredMessage[];
  nextBeginOffset?: number;
  maxOffset?: number;
  /** The controller's answers. */
  replicaInfo?: ReplicaInfo;
}

/** The request of one code. */
export type RequestOf<C extends RemotingRequest['code']> = Extract<RemotingRequest, { code: C }>;

/**
 * One message on the wire. A request is also its own entry in the response table, as a
 * ResponseFuture holds its request, its beginTimestamp and its timeout (NettyRemotingAbstract):
 * sentAt and expiresAt (see state.ts PendingRequest).
 */
export type Wire =
  | { dir: 'request'; id: number; request: RemotingRequest; sentAt: number; expiresAt: number }
  | { dir: 'response'; id: number; response: RemotingResponse }
  | { dir: 'oneway'; request: RemotingRequest };

