/**
 * mqadmin updateTopic (UpdateTopicSubCommand) as an operator runs it from a host of its own: -c
 * asks a NameServer for the cluster's masters (CommandUtil.fetchMasterAddrByClusterName) and sends
 * each the topic in turn (createAndUpdateTopicConfig, a synchronous call), -b sends it to one
 * broker. A call that cannot reach its broker throws and the command stops there ("command
 * failed"): the masters before it keep the change, the ones after it never get it.
 */
import { updateTopicOnBroker } from './broker/broker.ts';
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
