/**
 * Which node a trace event's broker was when the event happened. Events name a broker as RocketMQ
 * does, `brokerName` and its brokerId at that moment, but in controller mode the ids move:
 * ReplicasManager.changeToMaster gives the elected node brokerId 0, and changeToSlave gives a
 * slave its controller id (brokerControllerId, fixed for the node). So a slave's brokerId finds
 * its node by controller id, and brokerId 0 is the node that last became master before the event
 * (a `broker.roleChanged` to a master role), or the declared master before any election. Without
 * controller mode the ids never move and the node is the declared one.
 *
 * A cut-off old master still claims brokerId 0 until it hears of the newer epoch; the trace's name
 * cannot tell it from the new master, so an event that only an old master makes (it cuts its
 * CommitLog back to the new master's, AutoSwitchHAClient) asks for the master before the latest
 * change (`stale`); any other reads as the master of that time.
 */
import { dict } from '../engine/index.ts';
import type { TraceEvent } from '../model/events.ts';
import { MASTER_ID } from '../model/defaults.ts';
import type { ModelState } from '../model/state.ts';

/** A node took brokerId 0 at `t` (ReplicasManager.changeToMaster). */
export interface MasterChange {
  t: number;
  broker: string;
  node: string;
}

/** The node of `brokerName`'s broker with this controller id (brokerControllerId is fixed per node). */
function nodeByControllerId(state: Readonly<ModelState>, brokerName: string, controllerId: number): string | undefined {
  return Object.values(state.brokers).find((broker) => broker.name === brokerName && broker.replicas.controllerId === controllerId)?.node;
}

/** The master change an event records, if it is one. */
export function masterChangeOf(state: Readonly<ModelState>, event: TraceEvent): MasterChange | null {
  if (event.type !== 'broker.roleChanged' || event.role === 'SLAVE') return null;
  const node = nodeByControllerId(state, event.broker, event.controllerId);
  return node === undefined ? null : { t: event.t, broker: event.broker, node };
}

/** The node a controller id names in `brokerName`'s group (as `controller.elected` and `broker.roleChanged` say it). */
function nodeOfControllerId(state: Readonly<ModelState>, brokerName: string, controllerId: number): string {
  return nodeByControllerId(state, brokerName, controllerId) ?? `${brokerName}/${controllerId}`;
}

/**
 * The node that was `${brokerName}/${brokerId}` at time `at`, given the run's master changes in
 * time order (all of them up to `at` at least); `stale` for an event of a replaced master.
 */
export function traceBrokerNode(state: Readonly<ModelState>, changes: readonly MasterChange[], brokerName: string, brokerId: number, at: number, stale = false): string {
  if (!state.config.enableControllerMode) return `${brokerName}/${brokerId}`;
  if (brokerId !== MASTER_ID) return nodeOfControllerId(state, brokerName, brokerId);
  let node = `${brokerName}/${MASTER_ID}`;
  let before = node;
  for (const change of changes) {
    if (change.t > at) break;
    if (change.broker !== brokerName || change.node === node) continue;
    before = node;
    node = change.node;
  }
  return stale ? before : node;
}

/**
 * The nodes a run's events name at one moment, as plain data (a query's answer, where the run's
 * state does not go): `${brokerName}/${brokerId}` -> node for every id an event can name then,
 * `${brokerName}/0${STALE}` for a replaced master's own events, and the masters an election made
 * (not the declared ones). Null without controller mode: the declared names hold.
 */
export interface BrokerNodeTable {
  nodes: Record<string, string>;
  electedMasters: string[];
}

/** The key of a replaced master's brokerId 0 in a BrokerNodeTable. */
export const STALE = '!stale';

export function brokerNodeTable(state: Readonly<ModelState>, changes: readonly MasterChange[], at: number): BrokerNodeTable | null {
  if (!state.config.enableControllerMode) return null;
  const table: BrokerNodeTable = { nodes: dict(), electedMasters: [] };
  for (const broker of Object.values(state.brokers)) {
    table.nodes[`${broker.name}/${broker.replicas.controllerId}`] = broker.node;
    const master = traceBrokerNode(state, changes, broker.name, MASTER_ID, at);
    table.nodes[`${broker.name}/${MASTER_ID}`] = master;
    table.nodes[`${broker.name}/${MASTER_ID}${STALE}`] = traceBrokerNode(state, changes, broker.name, MASTER_ID, at, true);
    // A node's id is `${brokerName}/${declared brokerId}` (src/model/index.ts).
    if (master !== `${broker.name}/${MASTER_ID}` && !table.electedMasters.includes(master)) table.electedMasters.push(master);
  }
  return table;
}
