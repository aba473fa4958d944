/**
 * Builds the initial model state from a validated scenario: every process stopped, every topic
 * configured on its brokers; the run starts each process at its startAt.
 */
import { type AppendLog, MarkSet, SerialMarkSet, cloneState, deepFreeze, dict } from '../engine/index.ts';
import { MASTER_ID, RETRY_GROUP_TOPIC_PREFIX } from './defaults.ts';
import { brokerKey } from './broker/broker.ts';
import { updateTopicConfig } from './broker/topic-config-manager.ts';
import { createNameServerTables } from './nameserver/route-info-manager.ts';
import { everyConsumer, type BrokerSpec, type ConsumerSpec, type ProducerSpec, type Scenario, type TopicSpec } from './spec.ts';
import type { BrokerState, ClientInstanceState, ConsumerState, ControllerState, ModelState, ProducerState, StoredMessage, TopicConfig } from './state.ts';

function clientInstance(id: string, ip: string, instanceName: string): ClientInstanceState {
  return {
    id, ip, clientId: `${ip}@${instanceName}`, status: 'stopped', epoch: 0,
    namesrvAddrList: [], namesrvIndex: 0, namesrvChosen: null, namesrvLeft: null, nextRouteRefreshAt: -1,
    topicRouteTable: dict(), brokerAddrTable: dict(), routeRound: [], heartbeatRound: [], heartbeatTrigger: 'start', heartbeatAgain: false,
  };
}

/**
 * A client's spec never changes in a run: a frozen copy (the caller's scenario stays as it is),
 * which every checkpoint shares instead of copying.
 */
function frozenSpec<T>(spec: T): T {
  return deepFreeze(cloneState(spec));
}

export function createProducerState(spec: ProducerSpec): ProducerState {
  return {
    ...clientInstance(spec.id, spec.ip, spec.instanceName), kind: 'producer', spec: frozenSpec(spec),
    ratePerSec: spec.ratePerSec, rateEpoch: 0, rateStartAt: 0, rateCount: 0, pid: 0, msgIdPrefix: '', counter: 0, sequence: 0,
    publishInfo: dict(), latencyFaultTolerance: { faultItemTable: dict(), whichItemWorst: null }, waitingForRoute: [],
  };
}

/** `ordinal`: the consumer's number in the run (how many clients existed before it), its tag in MessageStats.consumedIds. */
export function createConsumerState(spec: ConsumerSpec, ordinal: number): ConsumerState {
  return {
    ...clientInstance(spec.id, spec.ip, spec.instanceName), kind: 'consumer', spec: frozenSpec(spec), ordinal,
    retryTopic: RETRY_GROUP_TOPIC_PREFIX + spec.group, subVersions: dict(), topicSubscribeInfoTable: dict(), processQueueTable: dict(),
    offsetTable: dict(), committedOffsets: dict(), lastRebalanceAt: -Infinity, rebalanced: false, rebalanceScheduled: false, started: false,
    nextToken: 1, consumeBusyUntil: [], nextConsumeThread: 0, droppedAt: {}, innerPublishInfo: null, consumedFirst: 0, consumedAgain: 0,
  };
}

/** The topic's counts on one broker, or null when the topic is not placed there. */
function topicConfigFor(topic: TopicSpec, broker: BrokerSpec): TopicConfig | null {
  if (topic.brokers) {
    const placed = topic.brokers.find((entry) => entry.name === broker.name);
    return placed ? { topicName: topic.name, writeQueueNums: placed.writeQueueNums, readQueueNums: placed.readQueueNums, perm: placed.perm } : null;
  }
  // Cluster mode (mqadmin updateTopic -c): every master of the cluster; slaves copy their master's table.
  if (topic.cluster !== broker.cluster) return null;
  return { topicName: topic.name, writeQueueNums: topic.writeQueueNums, readQueueNums: topic.readQueueNums, perm: topic.perm };
}

/** ReplicasInfoManager's ids: 1, 2, ... within each group, in the scenario's order (the order brokers first register). */
function controllerIds(brokers: BrokerSpec[]): number[] {
  const seen = new Map<string, number>();
  return brokers.map((spec) => {
    const next = (seen.get(spec.name) ?? 0) + 1;
    seen.set(spec.name, next);
    return next;
  });
}

function createBrokerState(spec: BrokerSpec, topics: TopicSpec[], controllerId: number, newCommitLog: () => AppendLog<StoredMessage>): BrokerState {
  const node = brokerKey(spec.name, spec.brokerId);
  const broker: BrokerState = {
    name: spec.name, brokerId: spec.brokerId, cluster: spec.cluster, role: spec.role, flushDiskType: spec.flushDiskType,
    inSyncReplicas: spec.inSyncReplicas, minInSyncReplicas: spec.minInSyncReplicas, enableSlaveActingMaster: spec.enableSlaveActingMaster,
    slaveReadEnable: spec.slaveReadEnable,
    ip: spec.ip, port: spec.port, addr: `${spec.ip}:${spec.port}`, node, status: 'stopped', partitioned: false, epoch: 0,
    topicConfigTable: dict(), dataVersion: 0, commitLog: newCommitLog(), maxPhyOffset: 0,
    flushedPhyOffset: 0, lastThoroughFlushAt: 0, flushTickPending: false, pageCacheLost: false, consumeQueues: dict(), reusedBelow: null,
    consumerTable: dict(), clientChannels: dict(), nextChannelScanAt: 0, nextPullHoldCheckAt: 0, producerTable: dict(), consumerOffsetTable: dict(), persistedOffsetTable: dict(), pullHolds: dict(), unregisterQueue: [],
    requestCounts: dict(), messagesStored: 0, messagesServed: 0, messagesPut: 0, groupGetNums: dict(), haConnections: dict(), syncReplicaWaits: [], haMasterAddr: null, haConnected: false, startedAt: 0, haLastReadAt: 0, haLastWriteAt: 0, reputStoppedAt: null, syncMasterAddr: null,
    lastSlaveSyncAt: 0, delayOffsetTable: dict(), scheduleEpoch: 0,
    replicas: { controllerId, masterEpoch: 0, roleKnown: false, syncStateSet: [], caughtUpAt: dict() },
  };
  for (const topic of topics) {
    const config = topicConfigFor(topic, spec);
    if (config) updateTopicConfig(broker, config);
  }
  return broker;
}

/**
 * The controller: standalone when the scenario declares one, else inside the first NameServer
 * (enableControllerInNamesrv). It starts out knowing every broker group with its declared master
 * at epoch 1 and a SyncStateSet of that master alone (slaves join once caught up).
 */
function createControllers(state: ModelState, scenario: Scenario): void {
  const standalone = scenario.controllers?.[0];
  const node = standalone?.id ?? (scenario.config.enableControllerInNamesrv ? scenario.nameServers[0]?.id : undefined);
  if (node === undefined) return;
  // An embedded controller is a party of its own in the detections: "ns-1/controller".
  const controller: ControllerState = {
    id: standalone ? node : `${node}/controller`, node, up: false, epoch: 0, brokerLiveTable: dict(), syncStateSetInfoTable: dict(), nextScanAt: 0, nextMasterScanAt: 0,
  };
  if (standalone) state.nodeKinds[node] = 'controller';
  state.controllers[node] = controller;
  if (!scenario.config.enableControllerMode) return;
  for (const broker of Object.values(state.brokers)) {
    const info = (controller.syncStateSetInfoTable[broker.name] ??= {
      brokerName: broker.name, cluster: broker.cluster, masterBrokerId: null, masterEpoch: 0, syncStateSet: [], syncStateSetEpoch: 0, replicas: dict(),
    });
    info.replicas[broker.replicas.controllerId] = { addr: broker.addr, node: broker.node };
    if (broker.brokerId !== MASTER_ID) continue;
    Object.assign(info, { masterBrokerId: broker.replicas.controllerId, masterEpoch: 1, syncStateSet: [broker.replicas.controllerId], syncStateSetEpoch: 1 });
  }
}

/** Each group's members' subscriptions, and the groups whose members differ. */
function groupSubscriptions(scenario: Scenario): Pick<ModelState, 'groupMembers' | 'inconsistentGroups'> {
  const groupMembers: ModelState['groupMembers'] = dict();
  for (const { group, topic, subscription } of everyConsumer(scenario)) (groupMembers[group] ??= []).push({ topic, subscription });
  const inconsistentGroups: ModelState['inconsistentGroups'] = dict();
  for (const [group, members] of Object.entries(groupMembers)) {
    if (new Set(members.map((m) => `${m.topic}\u0000${m.subscription}`)).size > 1) inconsistentGroups[group] = true;
  }
  return { groupMembers, inconsistentGroups };
}

export function createModelState(scenario: Scenario, newCommitLog: () => AppendLog<StoredMessage>): ModelState {
  const state: ModelState = {
    config: scenario.config, durationMs: scenario.durationMs, nameServers: dict(), brokers: dict(), clients: dict(), addrNodes: dict(), nodeKinds: dict(),
    controllers: dict(), remoting: { nextId: 1, pending: new Map(), connecting: dict() },
    faults: [], detections: [], ...groupSubscriptions(scenario),
    stats: {
      sent: 0, failed: 0, stored: 0, consumed: 0, duplicates: 0, toDlq: 0, toRetry: 0, dropped: 0, lost: 0, lostIds: new MarkSet<number>(), settledLostConsumed: 0, settledFilteredOut: 0, filteredOutIds: new MarkSet<string>(), storedBehindIds: new MarkSet<string>(), settledStoredBehind: 0,
      attempts: 0, failedAttempts: 0, failedAttemptReasons: dict(), notOkResults: {}, duplicateCauses: {}, failedCauses: {}, lostCauses: {}, consumedByBroker: dict(), storedOnMasters: dict(),
      nextSerial: 0, nextStoreId: 0, storedIds: new SerialMarkSet(), consumedIds: dict(),
    },
  };
  for (const spec of scenario.nameServers) {
    state.nameServers[spec.id] = { id: spec.id, ip: spec.ip, up: false, epoch: 0, ...createNameServerTables(), nextScanAt: 0, brokerChannels: dict() };
    state.nodeKinds[spec.id] = 'nameServer';
  }
  const ids = controllerIds(scenario.brokers);
  scenario.brokers.forEach((spec, index) => {
    const broker = createBrokerState(spec, scenario.topics, ids[index]!, newCommitLog);
    state.brokers[broker.node] = broker;
    state.addrNodes[broker.addr] = broker.node;
    state.nodeKinds[broker.node] = 'broker';
  });
  createControllers(state, scenario);
  for (const spec of scenario.producers) {
    state.clients[spec.id] = createProducerState(spec);
    state.nodeKinds[spec.id] = 'client';
  }
  for (const spec of scenario.consumers) {
    state.clients[spec.id] = createConsumerState(spec, Object.keys(state.clients).length);
    state.nodeKinds[spec.id] = 'client';
  }
  return state;
}
