/**
 * The broker process: start, registration with every NameServer, crash, partition, graceful
 * shutdown (BrokerController). Storage, consumers and pulls live in their own files.
 */
import { copyDict, dict } from '../../engine/index.ts';
import type { RegistrationTrigger } from '../vocabulary.ts';
import { registerNameServerPeriod } from '../defaults.ts';
import { invoke } from '../remoting.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState } from '../state.ts';
import { countRequest, newBrokerStats } from './broker-stats.ts';
import { recoverAfterPowerLoss, startFlushService } from './flush-service.ts';
import { startHaClient } from './ha-service.ts';
import { startReplicasManager } from './replicas-manager.ts';
import { startSlaveSynchronize } from './slave-synchronize.ts';
import { createDefaultTopic, updateTopicConfig } from './topic-config-manager.ts';
import { truncateCommitLog } from './message-store.ts';
import { loadOffsets, persistOffsets, startOffsetFlush } from './consumer-offset-manager.ts';

export function brokerKey(brokerName: string, brokerId: number): string {
  return `${brokerName}/${brokerId}`;
}

export function startBroker(state: ModelState, broker: BrokerState, sim: Sim): void {
  if (broker.status === 'running') return;
  broker.status = 'running';
  broker.startedAt = sim.now;
  newBrokerStats(broker);
  // A partition is the network's, not the process's: it outlives a restart until healPartition.
  broker.epoch++;
  // Channels and parked pulls live in memory; topics and messages are on disk, and the offsets as last persisted.
  loadOffsets(broker);
  broker.consumerTable = dict();
  broker.clientChannels = dict();
  broker.producerTable = dict();
  broker.pullHolds = dict();
  broker.haConnections = dict();
  broker.syncReplicaWaits = [];
  // A slave learns its master again from its first registration (RegisterBrokerResult).
  broker.haMasterAddr = null;
  broker.syncMasterAddr = null;
  recoverAfterPowerLoss(broker);
  recoverPastInvalidBytes(broker);
  startFlushService(broker, sim.now);
  startOffsetFlush(state, broker, sim);
  sim.net.start(broker.node);
  createDefaultTopic(broker, state.config);
  // Controller mode: the broker registers with the NameServers once the controller gave it its role.
  if (state.config.enableControllerMode) startReplicasManager(state, broker, sim);
  else registerBrokerAll(state, broker, sim, 'start');
  // BrokerController.start: first periodic registration after 10 s, then every registerNameServerPeriod.
  sim.after(state.config.brokerRegisterInitialDelayMs, { kind: 'broker.registerAll', broker: broker.node, epoch: broker.epoch });
  broker.nextChannelScanAt = sim.now + state.config.clientChannelScanIntervalMs;
  sim.after(state.config.clientChannelScanIntervalMs, { kind: 'broker.scanNotActiveChannel', broker: broker.node, epoch: broker.epoch });
  const holdCheck = state.config.longPollingEnable ? state.config.pullRequestHoldCheckMs : state.config.shortPollingTimeMs;
  broker.nextPullHoldCheckAt = sim.now + holdCheck;
  sim.after(holdCheck, { kind: 'broker.pullHoldCheck', broker: broker.node, epoch: broker.epoch });
  // In controller mode any broker may become a slave: its HA client and sync idle while it is master.
  if (broker.role === 'SLAVE' || state.config.enableControllerMode) {
    startHaClient(broker, sim);
    startSlaveSynchronize(state, broker, sim);
  }
}


/**
 * CommitLog's recovery checks each message (checkMessageAndReturnSize) and cuts the log at the
 * first that is not one: a slave whose ReputMessageService stopped at bytes that began mid-message
 * (ha-service.ts) restarts with its log ending where it stopped, and dispatching again.
 */
function recoverPastInvalidBytes(broker: BrokerState): void {
  if (broker.reputStoppedAt === null) return;
  truncateCommitLog(broker, broker.reputStoppedAt);
  broker.reputStoppedAt = null;
}

/** BrokerOuterAPI.registerBrokerAll: the full topic table to every NameServer, in parallel. */
export function registerBrokerAll(state: ModelState, broker: BrokerState, sim: Sim, trigger: RegistrationTrigger): void {
  // The body is serialized when sent (TopicConfigSerializeWrapper): a copy of the table as it is
  // now, never the live table, which a later topic change would alter under a request in flight
  // (and under every snapshot sharing that request). Each TopicConfig is replaced, never changed.
  const topicConfigTable = copyDict(broker.topicConfigTable);
  for (const nameServer of Object.keys(state.nameServers)) {
    invoke(sim, broker.node, nameServer, {
      code: 'REGISTER_BROKER',
      brokerName: broker.name,
      brokerId: broker.brokerId,
      cluster: broker.cluster,
      brokerAddr: broker.addr,
      topicConfigTable,
      dataVersion: broker.dataVersion,
      stateVersion: broker.replicas.masterEpoch,
      trigger,
    }, state.config.registerBrokerTimeoutMs);
  }
}

export function onRegisterAllTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  if (!state.config.enableControllerMode || broker.replicas.roleKnown) registerBrokerAll(state, broker, sim, 'periodic');
  sim.after(registerNameServerPeriod(state.config), { kind: 'broker.registerAll', broker: broker.node, epoch: broker.epoch });
}

/** The process dies: its connections close, and its peers notice after one latency. */
export function crashBroker(broker: BrokerState, sim: Sim): void {
  if (broker.status !== 'running') return;
  broker.status = 'crashed';
  sim.net.stop(broker.node);
}

/**
 * The machine loses power: the process dies with its host, which closes no connection (no FIN,
 * no RST). A NameServer keeps the broker until its scan or idle close, 90 to 125 s after the last
 * registration (RouteInfoManager.scanNotActiveBroker), and what is sent to it times out.
 */
export function powerOffBroker(broker: BrokerState, sim: Sim): void {
  if (broker.status !== 'running') return;
  broker.status = 'crashed';
  sim.net.powerOff(broker.node);
}

/** A partition: the process lives on, but nothing gets in or out and no connection closes. */
export function partitionBroker(broker: BrokerState, sim: Sim, partitioned: boolean): void {
  broker.partitioned = partitioned;
  sim.net.setIsolated(broker.node, partitioned);
}

/** BrokerController.shutdown -> unregisterBrokerAll: UNREGISTER_BROKER to each NameServer in turn. */
export function shutdownBroker(state: ModelState, broker: BrokerState, sim: Sim): void {
  if (broker.status !== 'running') return;
  broker.status = 'shutdown';
  // BrokerController.shutdown persists the offsets (ConsumerOffsetManager.persist): a restart loses none.
  persistOffsets(broker);
  unregisterNext(state, broker, Object.keys(state.nameServers), sim);
}

export function unregisterNext(state: ModelState, broker: BrokerState, remaining: string[], sim: Sim): void {
  const [nameServer, ...rest] = remaining;
  if (nameServer === undefined) {
    sim.net.stop(broker.node);
    return;
  }
  invoke(sim, broker.node, nameServer, {
    code: 'UNREGISTER_BROKER', brokerName: broker.name, brokerId: broker.brokerId, cluster: broker.cluster, brokerAddr: broker.addr,
  }, state.config.unregisterBrokerTimeoutMs);
  broker.unregisterQueue = rest;
}

/** mqadmin updateTopic on this broker: update, then register to every NameServer at once. */
export function updateTopicOnBroker(state: ModelState, broker: BrokerState, topic: string, change: { writeQueueNums?: number; readQueueNums?: number; perm?: number }, sim: Sim): void {
  const old = broker.topicConfigTable[topic];
  const config = {
    topicName: topic,
    writeQueueNums: change.writeQueueNums ?? old?.writeQueueNums ?? state.config.topicQueueNums,
    readQueueNums: change.readQueueNums ?? old?.readQueueNums ?? state.config.topicQueueNums,
    perm: change.perm ?? old?.perm ?? state.config.topicPerm,
  };
  // mqadmin's UPDATE_AND_CREATE_TOPIC reaches the broker's AdminBrokerProcessor.
  countRequest(broker, 'UPDATE_AND_CREATE_TOPIC');
  if (!updateTopicConfig(broker, config)) return;
  sim.emit({ t: sim.now, type: 'topic.updated', broker: broker.name, topic, writeQueueNums: config.writeQueueNums, readQueueNums: config.readQueueNums, perm: config.perm, created: old === undefined, auto: false });
  if (broker.status === 'running') registerBrokerAll(state, broker, sim, 'topicChanged');
}
