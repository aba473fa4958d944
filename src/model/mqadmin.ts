/**
 * mqadmin's commands, as an operator runs them from a host of its own. updateTopic
 * (UpdateTopicSubCommand): -c asks a NameServer for the cluster's masters (CommandUtil.fetchMasterAddrByClusterName) and sends
 * each the topic in turn (createAndUpdateTopicConfig, a synchronous call), -b sends it to one
 * broker. A call that cannot reach its broker throws and the command stops there ("command
 * failed"): the masters before it keep the change, the ones after it never get it.
 */
import { updateTopicOnBroker } from './broker/broker.ts';
import { operateWritePermOfBroker } from './nameserver/route-info-manager.ts';
import { MASTER_ID } from './defaults.ts';
import { javaHashSetOrder } from './java.ts';
import type { Sim } from './sim-types.ts';
import type { TimelineAction } from './spec.ts';
import type { BrokerState, ModelState } from './state.ts';
import type { FailureReason } from './vocabulary.ts';

type UpdateTopic = Extract<TimelineAction, { action: 'updateTopic' }>;

export function updateTopicCommand(state: ModelState, action: UpdateTopic, sim: Sim): void {
  for (const broker of updateTopicTargets(state, action)) {
    const failure = unreachable(broker, sim);
    if (failure !== null) {
      sim.emit({ t: sim.now, type: 'topic.updateFailed', topic: action.topic, broker: broker.name, reason: failure });
      return;
    }
    updateTopicOnBroker(state, broker, action.topic, action, sim);
  }
}

/**
 * The masters the command calls, in its order. -c: the masters the first running NameServer lists
 * for the cluster (with none running, the scenario's running masters of it: mqadmin losing its
 * NameServer is not modelled); -b: that broker's master. With neither (the page's shortcut:
 * mqadmin requires one), every running master that has the topic. A slave takes the change from
 * its master (SlaveSynchronize), as AdminBrokerProcessor.updateAndCreateTopic refuses a slave.
 */
function updateTopicTargets(state: ModelState, action: UpdateTopic): BrokerState[] {
  const masters = Object.values(state.brokers).filter((broker) => broker.brokerId === MASTER_ID);
  if (action.broker !== undefined) return masters.filter((broker) => broker.name === action.broker);
  if (action.cluster === undefined) return masters.filter((broker) => broker.status === 'running' && broker.topicConfigTable[action.topic] !== undefined);
  const nameServer = Object.values(state.nameServers).find((ns) => ns.up);
  if (nameServer === undefined) return masters.filter((broker) => broker.status === 'running' && broker.cluster === action.cluster);
  // clusterAddrTable's brokerName set, then the master addresses, each a HashSet.
  const names = javaHashSetOrder(nameServer.clusterAddrTable[action.cluster] ?? []);
  const addrs = names.flatMap((name) => nameServer.brokerAddrTable[name]?.brokerAddrs[MASTER_ID] ?? []);
  return javaHashSetOrder(addrs).flatMap((addr) => {
    const node = state.addrNodes[addr];
    const broker = node === undefined ? undefined : state.brokers[node];
    return broker === undefined ? [] : [broker];
  });
}

/** Why the admin call cannot reach the broker: its process is down (the host refuses the connect), or its host is cut off or without power (no answer within connectTimeoutMillis). */
function unreachable(broker: BrokerState, sim: Sim): FailureReason | null {
  if (broker.status === 'running' && !broker.partitioned) return null;
  return sim.net.refuses(broker.node) ? 'connectRefused' : 'connectTimeout';
}

type WritePermCommand = Extract<TimelineAction, { action: 'wipeWritePerm' | 'addWritePerm' }>;

/**
 * mqadmin wipeWritePerm / addWritePerm (WipeWritePermSubCommand, AddWritePermSubCommand): one
 * synchronous call to each NameServer of the list in turn; a NameServer that is down refuses the
 * connect and the command prints "Failed" for it and goes on to the next.
 */
export function writePermCommand(state: ModelState, action: WritePermCommand, sim: Sim): void {
  const wipe = action.action === 'wipeWritePerm';
  for (const id of writePermNameServers(state, action)) {
    const nameServer = state.nameServers[id];
    if (!nameServer) continue;
    if (!nameServer.up) {
      sim.emit({ t: sim.now, type: 'nameServer.writePermFailed', nameServer: id, broker: action.target, command: action.action, reason: 'connectRefused' });
      continue;
    }
    const topicCount = operateWritePermOfBroker(nameServer, action.target, wipe);
    const type = wipe ? 'nameServer.wipeWritePerm' : 'nameServer.addWritePerm';
    sim.emit({ t: sim.now, type, nameServer: id, broker: action.target, topicCount });
  }
}

/** The NameServers the command calls: -n's list, or every NameServer of the scenario (the whole NAMESRV_ADDR). */
export function writePermNameServers(state: ModelState, action: WritePermCommand): string[] {
  return action.nameServers ?? Object.keys(state.nameServers);
}
