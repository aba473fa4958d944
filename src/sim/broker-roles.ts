/**
 * Who is each broker group's master now. The scenario's node ids (`broker-a/0`) are the declared
 * ids, but in controller mode an election moves brokerId 0: ReplicasManager.changeToMaster gives
 * the elected broker brokerId 0 and a newer master epoch, and changeToSlave gives the old master
 * its controller id once it hears of it. A cut-off old master still claims brokerId 0 at its old
 * epoch meanwhile, so of two claims the newer epoch is the master.
 */
import { dict } from '../engine/index.ts';
import { MASTER_ID } from '../model/defaults.ts';
import { rejectsPulls } from '../model/broker/slave-read.ts';
import type { BrokerState, ModelState } from '../model/state.ts';

/** A `staleMaster` still claims brokerId 0 while another holds it at a newer master epoch. */
export type BrokerRoleNow = 'master' | 'slave' | 'staleMaster';

export interface BrokerRoles {
  /** brokerName -> the node that is its master now (absent while no broker of the name claims brokerId 0). */
  master: Record<string, string>;
  /** node -> its role now. */
  role: Record<string, BrokerRoleNow>;
  /** `${brokerName}/${brokerId}` as a trace event names a broker (its brokerId now) -> node. */
  node: Record<string, string>;
  /** broker address (ip:port) -> node. */
  byAddr: Record<string, string>;
}

export function brokerRoles(state: Readonly<ModelState>): BrokerRoles {
  const roles: BrokerRoles = { master: dict(), role: dict(), node: dict(), byAddr: dict() };
  const brokers = Object.values(state.brokers);
  for (const broker of brokers) {
    const current = state.brokers[roles.master[broker.name] ?? ''];
    if (broker.brokerId === MASTER_ID && (!current || broker.replicas.masterEpoch > current.replicas.masterEpoch)) roles.master[broker.name] = broker.node;
  }
  for (const broker of brokers) {
    const master = roles.master[broker.name] === broker.node;
    roles.role[broker.node] = master ? 'master' : broker.brokerId === MASTER_ID ? 'staleMaster' : 'slave';
    roles.byAddr[broker.addr] = broker.node;
    if (master || broker.brokerId !== MASTER_ID) roles.node[`${broker.name}/${broker.brokerId}`] = broker.node;
  }
  return roles;
}

/** The broker that is brokerName's master now, if any claims brokerId 0. */
export function masterOf(state: Readonly<ModelState>, brokerName: string): BrokerState | undefined {
  return state.brokers[brokerRoles(state).master[brokerName] ?? ''];
}

/** A topic's readQueueNums on a broker name's master now: consumers are given queue ids below it (topicRouteData2TopicSubscribeInfo). */
export function readQueueNumsOf(state: Readonly<ModelState>, brokerName: string, topic: string): number | undefined {
  return masterOf(state, brokerName)?.topicConfigTable[topic]?.readQueueNums;
}

/** The brokers that are their group's master now, by brokerName (one each: a cut-off old master is a staleMaster). */
export function mastersNow(state: Readonly<ModelState>, roles: BrokerRoles = brokerRoles(state)): BrokerState[] {
  return Object.values(state.brokers).filter((broker) => roles.role[broker.node] === 'master').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The node brokerName's queues are read from now: its master while it runs, else its running
 * slave with the lowest brokerId (findBrokerAddressInSubscribe's pick once the route lists no
 * master; the consumers pull and commit their offsets there), else the master that is down.
 * Undefined while no broker of the name claims brokerId 0.
 */
export function readNode(state: Readonly<ModelState>, roles: BrokerRoles, brokerName: string): string | undefined {
  const master = roles.master[brokerName];
  if (master === undefined || state.brokers[master]?.status === 'running') return master;
  let slave: BrokerState | undefined;
  for (const broker of Object.values(state.brokers)) {
    if (broker.name !== brokerName || roles.role[broker.node] !== 'slave' || broker.status !== 'running') continue;
    if (!slave || broker.brokerId < slave.brokerId) slave = broker;
  }
  return slave?.node ?? master;
}

/**
 * While brokerName's master is down, the slave its consumers turn to (readNode) and whether it
 * serves them: a 5.x slave without slaveReadEnable answers every pull SYSTEM_BUSY
 * (PullMessageProcessor.rejectRequest). Both null while no slave runs.
 */
export function slaveReads(state: Readonly<ModelState>, roles: BrokerRoles, master: Pick<BrokerState, 'name' | 'node'>): { readFrom: string | null; refusedBy: string | null } {
  const node = readNode(state, roles, master.name);
  const slave = node === undefined || node === master.node ? undefined : state.brokers[node];
  if (!slave) return { readFrom: null, refusedBy: null };
  return rejectsPulls(state, slave) ? { readFrom: null, refusedBy: slave.node } : { readFrom: slave.node, refusedBy: null };
}
