/**
 * The topology at one time, before geometry: which processes exist, their status, and which
 * links join them (broker registrations, each client's chosen NameServer, the brokers a producer
 * can write and the brokers of a consumer's allocated queues).
 */
import { dictFrom } from '../../engine/index.ts';
import type { BrokerState, ClientState, ModelState } from '../../model/state.ts';
import type { TopologyInput } from '../../viz/topology-layout.ts';
import { brokerStatus } from './status.ts';
import type { EntityStatus } from './strings.ts';

export type EntityKind = 'nameServer' | 'broker' | 'brokerGroup' | 'client';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export type LinkKind = 'registered' | 'notListed' | 'chosenNameServer' | 'canWrite' | 'allocated';

export interface LinkSpec {
  kind: LinkKind;
  from: EntityRef;
  to: EntityRef;
}

export interface TopologyModel {
  input: TopologyInput;
  nameServerStatus: Record<string, EntityStatus>;
  brokers: Record<string, { name: string; brokerId: number; status: EntityStatus }>;
  clients: Record<string, { kind: 'producer' | 'consumer'; status: EntityStatus; group: string }>;
  links: LinkSpec[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function brokerGroups(brokers: BrokerState[]): TopologyInput['brokerGroups'] {
  const groups = new Map<string, BrokerState[]>();
  for (const broker of brokers) groups.set(broker.name, [...(groups.get(broker.name) ?? []), broker]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, members]) => ({ name, members: members.sort((a, b) => a.brokerId - b.brokerId).map((broker) => broker.node) }));
}

function consumerGroups(clients: ClientState[]): TopologyInput['consumerGroups'] {
  const groups = new Map<string, string[]>();
  for (const client of clients) if (client.kind === 'consumer') groups.set(client.spec.group, [...(groups.get(client.spec.group) ?? []), client.id]);
  return [...groups.entries()].sort(([a], [b]) => compareText(a, b)).map(([name, members]) => ({ name, members }));
}

/** Running (or hung) clients keep their links; a stopped or crashed one has none. */
function clientLinks(client: ClientState): LinkSpec[] {
  if (client.status !== 'running' && client.status !== 'hung') return [];
  const self: EntityRef = { kind: 'client', id: client.id };
  const links: LinkSpec[] = [];
  if (client.namesrvChosen !== null) links.push({ kind: 'chosenNameServer', from: self, to: { kind: 'nameServer', id: client.namesrvChosen } });
  const brokerNames = new Set<string>();
  if (client.kind === 'producer') {
    for (const info of Object.values(client.publishInfo)) for (const mq of info.messageQueueList) brokerNames.add(mq.brokerName);
  } else {
    for (const pq of Object.values(client.processQueueTable)) if (!pq.dropped) brokerNames.add(pq.mq.brokerName);
  }
  const kind = client.kind === 'producer' ? 'canWrite' : 'allocated';
  for (const name of [...brokerNames].sort(compareText)) links.push({ kind, from: self, to: { kind: 'brokerGroup', id: name } });
  return links;
}

export function topologyModel(state: Readonly<ModelState>): TopologyModel {
  const nameServers = Object.values(state.nameServers);
  const brokers = Object.values(state.brokers);
  const clients = Object.values(state.clients);
  const links: LinkSpec[] = [];
  for (const broker of brokers) {
    for (const ns of nameServers) {
      const listed = Object.values(ns.brokerLiveTable).some((info) => info.node === broker.node);
      links.push({ kind: listed ? 'registered' : 'notListed', from: { kind: 'broker', id: broker.node }, to: { kind: 'nameServer', id: ns.id } });
    }
  }
  for (const client of clients) links.push(...clientLinks(client));
  return {
    input: {
      nameServers: nameServers.map((ns) => ns.id),
      brokerGroups: brokerGroups(brokers),
      producers: clients.filter((client) => client.kind === 'producer').map((client) => client.id),
      consumerGroups: consumerGroups(clients),
    },
    nameServerStatus: dictFrom(nameServers.map((ns) => [ns.id, ns.up ? 'up' : 'down'])),
    brokers: dictFrom(brokers.map((broker) => [broker.node, { name: broker.name, brokerId: broker.brokerId, status: brokerStatus(broker) }])),
    clients: dictFrom(clients.map((client) => [client.id, { kind: client.kind, status: client.status, group: client.spec.group }])),
    links,
  };
}
