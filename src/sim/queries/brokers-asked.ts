/**
 * Who an admin tool asks, as RocketMQ's Dashboard and mqadmin do: a NameServer first (its
 * namesrvAddr, here the first running one by id), then for each brokerName in what that NameServer
 * holds, the broker BrokerData.selectBrokerAddr picks: the master's address, else one of the
 * slaves'. RocketMQ picks that slave at random; here the lowest brokerId, the one a consumer reads
 * from (findBrokerAddr, MQClientInstance.findBrokerAddressInSubscribe), so the tables are the
 * same on every replay. A master the NameServer removed (crashed, expired) is not asked: after
 * "Master loss" the Dashboard's progress comes from the slave, whose offsets may trail. A broker
 * the NameServer still lists may not answer (cut off by a partition, or its process down before
 * the NameServer noticed): it is asked, and its answer is missing.
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

/**
 * Whether the broker answers an admin tool's request: its process runs and no partition cuts it
 * off. Else the connection is refused, or the request gets no answer within DefaultMQAdminExt's
 * timeoutMillis (5 s).
 */
export function answersAdmin(broker: Readonly<BrokerState>): boolean {
  return broker.status === 'running' && !broker.partitioned;
}

export interface BrokersAsked {
  nameServer: string;
  /** One per brokerName the NameServer lists whose broker answers, by brokerName. */
  brokers: BrokerState[];
  /** Those among them asked in their master's place: the NameServer lists no master for their name. */
  slaves: BrokerState[];
  /**
   * The brokers asked that do not answer (answersAdmin), by brokerName. RocketMQ's
   * examineTopicStats and examineConsumeStats ask each brokerName's broker in turn and fail as a
   * whole at the first of these.
   */
  silent: BrokerState[];
}

/** The broker asked for each brokerName the NameServer lists (by default the one asked now); null while no NameServer runs. */
export function brokersAsked(state: Readonly<ModelState>, nameServer: NameServerState | undefined = nameServerAsked(state)): BrokersAsked | null {
  if (!nameServer) return null;
  const asked: BrokersAsked = { nameServer: nameServer.id, brokers: [], slaves: [], silent: [] };
  for (const data of brokerDatasByName(nameServer)) {
    const addr = findBrokerAddr(data.brokerAddrs, false);
    const broker = addr === null ? undefined : state.brokers[state.addrNodes[addr] ?? ''];
    if (!broker) continue;
    if (!answersAdmin(broker)) {
      asked.silent.push(broker);
      continue;
    }
    asked.brokers.push(broker);
    if (data.brokerAddrs[MASTER_ID] === undefined) asked.slaves.push(broker);
  }
  return asked;
}
