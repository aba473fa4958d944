/**
 * The normalized form of a version-1 scenario (docs/scenario.md): what the model is built
 * from once src/scenario has validated a file and filled in every default.
 */
import type { SimConfig } from './defaults.ts';
import type {
  AllocateStrategyName, Arrival, BrokerRole, ConsumeFromWhere, FlushDiskType, FocusPanel, MessageModel, SendMode,
} from './vocabulary.ts';

export interface NameServerSpec {
  id: string;
  /** Defaults to 10.0.0.(index + 1). */
  ip: string;
  /** Time the NameServer process starts; 0 by default. */
  startAt: number;
}

/** A standalone controller (controller mode): one process, where RocketMQ runs a Raft group of them. */
export interface ControllerSpec {
  id: string;
  ip: string;
  startAt: number;
}

export interface BrokerSpec {
  name: string;
  cluster: string;
  brokerId: number;
  role: BrokerRole;
  flushDiskType: FlushDiskType;
  /** MessageStoreConfig.inSyncReplicas (5.x): replicas, the master included, that must hold a SYNC_MASTER's message. */
  inSyncReplicas: number;
  /** MessageStoreConfig.minInSyncReplicas (5.x): fewer in-sync replicas refuse the put (controller mode). */
  minInSyncReplicas: number;
  /** BrokerConfig.enableSlaveActingMaster (5.x): a put needs inSyncReplicas replicas alive and in sync. */
  enableSlaveActingMaster: boolean;
  /** BrokerConfig.slaveReadEnable: a 5.x slave serves pulls only with it (PullMessageProcessor.rejectRequest). */
  slaveReadEnable: boolean;
  ip: string;
  port: number;
  startAt: number;
}

interface TopicBrokerSpec {
  name: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
}

export interface TopicSpec {
  name: string;
  /** Cluster mode: every master of this cluster gets the same counts. */
  cluster?: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
  /** Broker mode: named brokers, each with its own counts. */
  brokers?: TopicBrokerSpec[];
}

export interface ProducerSpec {
  id: string;
  group: string;
  topic: string;
  ratePerSec: number;
  /** `constant`: evenly spaced sends; `poisson`: exponential gaps drawn from the seeded PRNG. */
  arrival: Arrival;
  tags: string[];
  /** Message keys: each message gets `<prefix>-<n>`; empty for none. */
  keyPrefix: string;
  sendMode: SendMode;
  startAt: number;
  /** Delay level 1..18 for delayed messages; 0 for none. */
  delayLevel: number;
  bodyBytes: number;
  ip: string;
  instanceName: string;
}

export interface ConsumerSpec {
  id: string;
  group: string;
  topic: string;
  subscription: string;
  messageModel: MessageModel;
  allocateStrategy: AllocateStrategyName;
  consumeFromWhere: ConsumeFromWhere;
  startAt: number;
  /** Time the listener spends on one message. */
  consumeTimeMs: number;
  /** Share of messages whose first consumption attempts fail, in [0, 1]. */
  failureRate: number;
  /** Messages with one of these tags always fail (RECONSUME_LATER). */
  failTags: string[];
  ip: string;
  instanceName: string;
  /** AllocateMessageQueueByConfig: the fixed list, as "brokerName:queueId". */
  messageQueueList: string[];
  /** AllocateMessageQueueByMachineRoom: the consumer's machine rooms. */
  consumeridcs: string[];
}

export type TimelineAction =
  | { at: number; action: 'crashBroker' | 'powerOffBroker' | 'partitionBroker' | 'healPartition' | 'shutdownBroker' | 'startBroker'; target: string; brokerId?: number }
  | { at: number; action: 'crashNameServer' | 'startNameServer'; target: string }
  | { at: number; action: 'partitionLink' | 'healLink'; target: string; peer: string }
  | { at: number; action: 'addConsumer'; consumer: ConsumerSpec }
  | { at: number; action: 'addProducer'; producer: ProducerSpec }
  | { at: number; action: 'removeConsumer' | 'removeProducer' | 'crashConsumer' | 'hangConsumer'; target: string }
  | { at: number; action: 'setProducerRate'; target: string; ratePerSec: number }
  /**
   * mqadmin updateTopic: `cluster` (-c) creates or updates the topic on every master of that
   * cluster, `broker` (-b) on that broker's master only; with neither, every broker that has it.
   */
  | { at: number; action: 'updateTopic'; topic: string; cluster?: string; broker?: string; writeQueueNums?: number; readQueueNums?: number; perm?: number }
  /**
   * mqadmin wipeWritePerm / addWritePerm -b `target` (a brokerName): each NameServer of
   * `nameServers` (mqadmin -n, in order; every NameServer when absent) clears or sets PERM_WRITE on
   * that brokerName's QueueData of every topic (RouteInfoManager.operateWritePermOfBroker).
   */
  | { at: number; action: 'wipeWritePerm' | 'addWritePerm'; target: string; nameServers?: string[] };

export type TimelineActionName = TimelineAction['action'];

export type ScenarioTranslations = Readonly<Record<string, { name?: string | undefined; description?: string | undefined } | undefined>>;

export interface Scenario {
  version: 1;
  name: string;
  description: string;
  /**
   * The name and description in the page's languages, keyed by language ('en', 'zh': src/scenario/language.ts);
   * a part left out falls back to `name` or `description`. The simulation ignores it.
   */
  translations?: ScenarioTranslations;
  /** The panels this scenario is about, first on screen (the page's layout); empty for the default order. */
  focus?: FocusPanel[];
  seed: number;
  durationMs: number;
  config: SimConfig;
  nameServers: NameServerSpec[];
  /** A standalone controller (at most one; controller mode, docs/scenario.md); absent when none is declared. */
  controllers?: ControllerSpec[];
  brokers: BrokerSpec[];
  topics: TopicSpec[];
  producers: ProducerSpec[];
  consumers: ConsumerSpec[];
  timeline: TimelineAction[];
}

/** The scenario's producers, then those its timeline adds (in timeline order). */
export function everyProducer(scenario: Pick<Scenario, 'producers' | 'timeline'>): ProducerSpec[] {
  return [...scenario.producers, ...scenario.timeline.flatMap((action) => (action.action === 'addProducer' ? [action.producer] : []))];
}

/** The scenario's consumers, then those its timeline adds (in timeline order). */
export function everyConsumer(scenario: Pick<Scenario, 'consumers' | 'timeline'>): ConsumerSpec[] {
  return [...scenario.consumers, ...scenario.timeline.flatMap((action) => (action.action === 'addConsumer' ? [action.consumer] : []))];
}
