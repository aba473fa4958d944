/**
 * What each broker fault so far cost the clients that had its broker process in their route: when
 * the client's cached routes stopped listing the process (MQClientInstance.updateTopicRouteInfoFromNameServer
 * takes a changed route, cleanOfflineBroker forgets an address no cached route lists), and, for a
 * producer of the master, how many send attempts to it failed until then (send.failed). A pull that
 * fails leaves no trace event (pull.rejected is a live broker's answer), so pulls are not counted.
 *
 * The model records all of it on each fault as it happens (src/model/detections.ts: holders,
 * nameServerDrops, failedSends), so the state at the playhead holds exactly the costs so far.
 */
import { copyDict } from '../../engine/dict.ts';
import type { FaultRecord } from '../../model/detections.ts';
import type { ModelState } from '../../model/state.ts';
import type { SendMode } from '../../model/vocabulary.ts';
import type { TimelineView } from '../timeline.ts';

export interface ClientCost {
  client: string;
  /** When its routes stopped listing the process; null while they list it (at FaultCosts.at, or when the fault ended). */
  stoppedAt: number | null;
  /** The NameServer whose route answer dropped it, and when that NameServer had dropped the process (null: not since the fault). */
  nameServer: string | null;
  nameServerDroppedAt: number | null;
  /** A producer and the master: its failed send attempts to it by reason (send.failed), in the order each reason first happened; null when it sends the process nothing. */
  failedSends: Record<string, number> | null;
  /**
   * A producer of the master: how it sends. Nobody answers a ONEWAY send, so none is seen to fail (a
   * lost one is message.lost); only an ASYNC send's timeout waits for scanResponseTable.
   */
  sendMode: SendMode | null;
}

export interface FaultCost {
  fault: string;
  target: string;
  /** The broker process, "broker-a/0". */
  node: string;
  at: number;
  /** From when the fault owns its process's signs; null while an earlier fault of the process is open. */
  ownedFrom: number | null;
  endedAt: number | null;
  /** One per running client whose routes listed the process when the fault began to own it. */
  clients: ClientCost[];
}

export interface FaultCosts {
  /** The time asked at. */
  at: number;
  sendMsgTimeoutMs: number;
  /** How long a connect that gets no answer waits (connectTimeoutMillis): the wait of each `connectTimeout` failure. */
  connectTimeoutMs: number;
  faults: FaultCost[];
}

/** One holder's cost: a producer of the master counts its failed sends (none yet is an empty record). */
function clientCost(state: Readonly<ModelState>, fault: FaultRecord, client: string): ClientCost {
  const holder = fault.holders![client]!;
  const instance = state.clients[client];
  const sendMode = instance?.kind === 'producer' && fault.master ? instance.spec.sendMode : null;
  return {
    client,
    stoppedAt: holder.stoppedAt,
    nameServer: holder.nameServer,
    nameServerDroppedAt: holder.nameServerDroppedAt,
    failedSends: sendMode === null ? null : copyDict(fault.failedSends[client] ?? {}),
    sendMode,
  };
}

function faultCost(state: Readonly<ModelState>, fault: FaultRecord): FaultCost {
  const { holders } = fault;
  const running = holders === null ? [] : Object.values(state.clients).filter((client) => client.status !== 'stopped' && holders[client.id] !== undefined);
  return {
    fault: fault.fault, target: fault.target, node: fault.node, at: fault.at, ownedFrom: fault.ownedFrom, endedAt: fault.endedAt,
    clients: running.map((client) => clientCost(state, fault, client.id)),
  };
}

/** Every fault of the run so far with its cost to each running client, as the model recorded it. */
export function faultCosts(timeline: TimelineView, _args: Record<string, never> = {}): FaultCosts {
  const { faults, config } = timeline.state;
  return { at: timeline.now, sendMsgTimeoutMs: config.sendMsgTimeoutMs, connectTimeoutMs: config.connectTimeoutMs, faults: faults.map((fault) => faultCost(timeline.state, fault)) };
}
