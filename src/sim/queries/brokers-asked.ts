/**
 * Who an admin tool asks, as RocketMQ's Dashboard and mqadmin do: a NameServer first (its
 * namesrvAddr, here the first running one by id), then for each brokerName in what that NameServer
 * holds, the broker BrokerData.selectBrokerAddr picks: the master's address, else one of the
 * slaves'. RocketMQ picks that slave at random; here the lowest brokerId, the one a consumer reads
 * from (findBrokerAddr, MQClientInstance.findBrokerAddressInSubscribe), so the tables are the
 * same on every replay. A master the NameServer removed (crashed, expired) is not asked: after
 * "Master loss" the Dashboard's progress comes from the slave, whose offsets may trail.
 */
import { findBrokerAddr } from '../../model/client/topic-route.ts';
import { MASTER_ID } from '../../model/defaults.ts';
import type { BrokerData, BrokerState, ModelState, NameServerState } from '../../model/state.ts';

/** The NameServer an admin tool asks: the first running one by id (that holds what it wants). */
export function nameServerAsked(state: Readonly<ModelState>, holds: (ns: NameServerState) => boolean = () => true): NameServerState | undefined {
  return Object.values(state.nameServers).sort((a, b) => (a.id < b.id ? -1 : 1)).find((ns) => ns.up && holds(ns));
}

/** The NameServer's BrokerData by brokerName, as the admin tools list them (ClusterInfo.brokerAddrTable, sorted). */
export function brokerDatasByName(nameServer: NameServerState): BrokerData[] {
  return Object.values(nameServer.brokerAddrTable).sort((a, b) => (a.brokerName < b.brokerName ? -1 : a.brokerName > b.brokerName ? 1 : 0));
}

export interface BrokersAsked {
  nameServer: string;
  /** One per brokerName the NameServer lists, by brokerName. */
  brokers: BrokerState[];
  /** Those among them asked in their master's place: the NameServer lists no master for their name. */
  slaves: BrokerState[];
}

/** The broker asked for each brokerName the NameServer lists; null while no NameServer runs. */
export function brokersAsked(state: Readonly<ModelState>): BrokersAsked | null {
  const nameServer = nameServerAsked(state);
  if (!nameServer) return null;
  const asked: BrokersAsked = { nameServer: nameServer.id, brokers: [], slaves: [] };
  for (const data of brokerDatasByName(nameServer)) {
    const addr = findBrokerAddr(data.brokerAddrs, false);
    const broker = addr === null ? undefined : state.brokers[state.addrNodes[addr] ?? ''];
    if (!broker) continue;
    asked.brokers.push(broker);
    if (data.brokerAddrs[MASTER_ID] === undefined) asked.slaves.push(broker);
  }
  return asked;
}
