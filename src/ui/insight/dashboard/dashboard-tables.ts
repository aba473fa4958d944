/**
 * The Dashboard's tables at the playhead as plain rows (text and numbers), so a table renders
 * them and exports them to CSV alike. Read from RocketMQ's own tables: each broker's CommitLog
 * and ConsumeQueues, a NameServer's brokerAddrTable and topicQueueTable, the consumers'
 * ProcessQueues and the brokers' ConsumerOffsetManager and ConsumerManager. Like RocketMQ's
 * Dashboard it asks a NameServer first, then for each brokerName the broker
 * BrokerData.selectBrokerAddr picks: its master, else (the master removed) its slave
 * (src/sim/queries/brokers-asked.ts).
 */
import { MASTER_ID, PERM_INHERIT, PERM_PRIORITY, PERM_READ, PERM_WRITE, perm2String, type BrokerState, type ModelState, type NameServerState } from '../../../sim/index.ts';
import { answersAdmin, brokerDatasByName, nameServerAsked, type BrokersAsked } from '../../../sim/queries/brokers-asked.ts';
import { consumeStats, type QueueProgress } from '../../../sim/queries/consume-stats.ts';
import type { DashboardStats } from '../../../sim/queries/dashboard-stats.ts';
import type { CsvCell } from '../csv.ts';
import { closesUnseen } from '../../panels/status.ts';

export type Row = CsvCell[];

/**
 * The simulated client's version string, as MQVersion names it in a heartbeat: the versions the
 * model is read from, rocketmq-all-4.9.8 and apache/rocketmq's default branch, whose
 * MQVersion.CURRENT_VERSION is V5_3_3.
 */
function clientVersion(state: ModelState): string {
  return state.config.rocketmqVersion === '4.x' ? 'V4_9_8' : 'V5_3_3';
}

/** A TPS as RocketMQ prints it: two decimals (the Dashboard's `| number:2`, mqadmin clusterList's %9.2f, consumerProgress's %.2f). */
function tps(value: number): string {
  return value.toFixed(2);
}

/**
 * The Cluster page's NO.: brokerId with the role its number means (cluster.html: 0 the master,
 * any other a slave).
 */
function brokerNo(brokerId: number): string {
  return `${brokerId}${brokerId === MASTER_ID ? '(master)' : '(slave)'}`;
}

/** What mqadmin consumerProgress prints for a lastTimestamp of 0 (no message below the offset). */
const NO_TIME = 'N/A';

/**
 * A broker the NameServer lists that does not answer the admin tool (answersAdmin): cut off by a
 * partition, on a machine without power (both send no FIN or RST: the NameServer drops it when
 * it has been silent long enough, `dropsAt` at the earliest), or a process that died or shut down,
 * whose host closed its connections: the NameServer drops it as the close arrives (`dropsAt` null).
 */
export interface SilentBroker {
  node: string;
  addr: string;
  why: 'partitioned' | 'poweredOff' | 'down';
  dropsAt: number | null;
}

function silentBroker(broker: Readonly<BrokerState>, addr: string, nameServer: NameServerState): SilentBroker {
  const why = broker.partitioned ? 'partitioned' : broker.pageCacheLost ? 'poweredOff' : 'down';
  const live = nameServer.brokerLiveTable[addr];
  return { node: broker.node, addr, why, dropsAt: live && closesUnseen(broker) ? live.lastUpdateTimestamp + live.heartbeatTimeoutMillis : null };
}

/** What a broker that does not answer shows in the cells its answer would fill. */
export const NO_ANSWER = '—';

/**
 * Cluster: brokerName, brokerId, address, version, produce and consume TPS, yesterday's and
 * today's counts, for the brokers GET_BROKER_CLUSTER_INFO returns: what a running NameServer's
 * BrokerData holds (ClusterServiceImpl asks the NameServer, then each broker for its runtime
 * stats). A broker the NameServer removed (crashed, expired) is not there; after a controller
 * election brokerId 0 is the new master's address (RouteInfoManager.registerBroker), so a cut-off
 * old master still claiming it is not either. A listed broker that does not answer has its row
 * with NO_ANSWER for its stats and is named in `silent`. Null while no NameServer runs.
 */
export function clusterRows(
  state: ModelState, stats: DashboardStats | undefined, nameServer: NameServerState | undefined = nameServerAsked(state),
): { nameServer: string; rows: Row[]; silent: SilentBroker[] } | null {
  if (!nameServer) return null;
  const rows: Row[] = [];
  const silent: SilentBroker[] = [];
  for (const data of brokerDatasByName(nameServer)) {
    for (const [id, addr] of Object.entries(data.brokerAddrs).sort(([a], [b]) => Number(a) - Number(b))) {
      const broker = state.brokers[state.addrNodes[addr] ?? ''];
      if (!broker) continue;
      if (!answersAdmin(broker)) {
        silent.push(silentBroker(broker, addr, nameServer));
        rows.push([data.brokerName, brokerNo(Number(id)), addr, ...Array<string>(7).fill(NO_ANSWER)]);
        continue;
      }
      // Each process counts its own gets: a slave serving reads (no master in the route, or slaveReadEnable) has its own.
      // Its puts: its replicas count in its putTps, and in today's count only in 4.x (dashboard-stats.ts).
      // NO.'s (slave) marks a brokerName whose master is gone at a glance.
      rows.push([
        data.brokerName, brokerNo(Number(id)), addr, clientVersion(state), tps(stats?.putTps[broker.node] ?? 0), tps(stats?.getTps[broker.node] ?? 0), 0, 0,
        stats?.putToday[broker.node] ?? 0, stats?.getToday[broker.node] ?? 0,
      ]);
    }
  }
  return { nameServer: nameServer.id, rows, silent };
}

/** PermName bit by bit: "6 = PERM_READ(4) | PERM_WRITE(2) · RW-". */
function decodePerm(perm: number): string {
  const bits = [['PERM_PRIORITY', PERM_PRIORITY], ['PERM_READ', PERM_READ], ['PERM_WRITE', PERM_WRITE], ['PERM_INHERIT', PERM_INHERIT]] as const;
  const set = bits.filter(([, bit]) => (perm & bit) === bit).map(([name, bit]) => `${name}(${bit})`);
  return `${perm} = ${set.length > 0 ? set.join(' | ') : '0'} · ${perm2String(perm)}`;
}

/** The topic's queueDatas as the first running NameServer that holds it answers GET_ROUTEINFO_BY_TOPIC. */
export function routeRows(state: ModelState, topic: string): { nameServer: string; rows: Row[] } | null {
  const nameServer = nameServerAsked(state, (ns) => ns.topicQueueTable[topic] !== undefined);
  if (!nameServer) return null;
  const queueDatas = Object.values(nameServer.topicQueueTable[topic]!).sort((a, b) => (a.brokerName < b.brokerName ? -1 : 1));
  return { nameServer: nameServer.id, rows: queueDatas.map((data) => [data.brokerName, data.readQueueNums, data.writeQueueNums, decodePerm(data.perm)]) };
}

/** Status: each queue of the topic on each broker asked: minOffset, maxOffset and when it last received a message. */
export function statusRows(topic: string, asked: BrokersAsked, stats: DashboardStats | undefined, formatTime: (ms: number) => string): Row[] {
  const rows: Row[] = [];
  for (const broker of asked.brokers) {
    const lastStored = stats?.lastStoreTime[broker.node]?.[topic];
    const config = broker.topicConfigTable[topic];
    // AdminBrokerProcessor.getTopicStatsInfo: queue ids below max(writeQueueNums, readQueueNums) only,
    // so a queue a shrink left behind, with what is stranded in it, is in no admin view.
    const count = config ? Math.max(config.writeQueueNums, config.readQueueNums) : 0;
    (broker.consumeQueues[topic] ?? []).slice(0, count).forEach((queue, queueId) => {
      const last = lastStored?.[queueId];
      // The simulation never deletes expired CommitLog files, so a queue's minOffset stays 0.
      rows.push([broker.name, queueId, 0, queue.length, last != null ? formatTime(last) : '']);
    });
  }
  return rows;
}

interface GroupProgress {
  group: string;
  topic: string;
  retry: boolean;
  diffTotal: number;
  /** ConsumeStats.consumeTps as mqadmin prints it: the brokers' tpsGroupGetNums added up. */
  consumeTps: string;
  /** The Dashboard's "Last Consume Time" of the topic: the latest of its queues' lastTimestamp, NO_TIME when none has one. */
  lastConsumeTime: string;
  rows: Row[];
}

/** The consumer that holds a queue now (its ProcessQueue), by "brokerName@queueId". */
function owners(state: ModelState, group: string, topic: string): Map<string, string> {
  const owned = new Map<string, string>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer' || client.spec.group !== group || client.status !== 'running') continue;
    for (const pq of Object.values(client.processQueueTable)) if (!pq.dropped && pq.mq.topic === topic) owned.set(`${pq.mq.brokerName}@${pq.mq.queueId}`, client.clientId);
  }
  return owned;
}

/**
 * Consumer progress (consumeStats): per readable queue the broker's maxOffset, the group's
 * committed offset, their diff, who holds the queue and the store time of the last message
 * consumed (lastTimestamp, NO_TIME at offset 0); with the group's consume TPS on the topic, which
 * getConsumeStats reads from each broker asked (tpsGroupGetNums) and the admin tool adds up.
 */
export function progressRows(state: ModelState, asked: BrokersAsked, stats: DashboardStats | undefined, formatTime: (ms: number) => string): GroupProgress[] {
  return consumeStats(state, asked.brokers).map(({ group, topic, retry, diffTotal, queues }) => {
    const owned = owners(state, group, topic);
    const timeOf = (q: QueueProgress) => stats?.lastConsumeTime[q.node]?.[group]?.[`${topic}@${q.queueId}`];
    const rows: Row[] = queues.map((q) => {
      const last = timeOf(q);
      return [q.broker, q.queueId, owned.get(`${q.broker}@${q.queueId}`) ?? '', q.brokerOffset, q.consumerOffset, q.diff, last !== undefined ? formatTime(last) : NO_TIME];
    });
    const consumeTps = asked.brokers.reduce((sum, broker) => sum + (stats?.groupGetTps[broker.node]?.[`${topic}@${group}`] ?? 0), 0);
    const latest = Math.max(0, ...queues.map((q) => timeOf(q) ?? 0));
    return { group, topic, retry, diffTotal, consumeTps: tps(consumeTps), lastConsumeTime: latest > 0 ? formatTime(latest) : NO_TIME, rows };
  });
}

/** Client connections: the channels the ConsumerManager of the brokers asked holds for each group. */
export function connectionRows(state: ModelState, asked: BrokersAsked): { group: string; rows: Row[] }[] {
  const byGroup = new Map<string, Map<string, Row>>();
  const clientsById = new Map(Object.values(state.clients).map((client) => [client.clientId, client]));
  for (const broker of asked.brokers) {
    for (const info of Object.values(broker.consumerTable)) {
      const rows = byGroup.get(info.groupName) ?? new Map<string, Row>();
      byGroup.set(info.groupName, rows);
      for (const clientId of Object.keys(info.channels)) {
        rows.set(clientId, [clientId, clientsById.get(clientId)?.ip ?? '', 'JAVA', clientVersion(state)]);
      }
    }
  }
  return [...byGroup].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, rows]) => ({ group, rows: [...rows.values()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)) }));
}

