/**
 * When a SYNC_MASTER answers a send (CommitLog.handleHA / submitReplicaRequest and
 * GroupTransferService). The message is stored on the master in every case; only the answer
 * waits, and its status tells the producer what the slaves had.
 *
 * - 5.x: the put needs MessageStoreConfig.inSyncReplicas replicas, the master included (default
 *   1: PUT_OK at once, as an ASYNC_MASTER). With 2 or more it waits for that many acks up to
 *   slaveTimeout, then FLUSH_SLAVE_TIMEOUT. With enableSlaveActingMaster, a put that cannot reach
 *   inSyncReplicas in-sync replicas is refused before it is stored (IN_SYNC_REPLICAS_NOT_ENOUGH).
 * - 4.9.8: HAService.isSlaveOK (a slave connected, less than haMaxGapNotInSync behind) or
 *   SLAVE_NOT_AVAILABLE at once; then one slave's ack, up to slaveTimeout, else FLUSH_SLAVE_TIMEOUT.
 *   A slave counts from its connect (connectionCount), and its first ack comes with its first
 *   report, one haSendHeartbeatInterval later (ha-service.ts): the puts of the first 2 s after the
 *   connect time out, the later ones are answered once that report has brought the slave up to date.
 */
import { reply } from '../remoting.ts';
import type { RemotingResponse } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, HAConnection, ModelState } from '../state.ts';
import { wroteToClient } from './client-channel-idle.ts';
import { dropSilentSlaves } from './ha-connection.ts';

/** Bytes of the master's commit log a slave has not acknowledged (its ack is a commit log length). */
function bytesBehind(master: BrokerState, ackIndex: number): number {
  const ackedBytes = master.commitLog.at(ackIndex)?.commitLogOffset ?? master.maxPhyOffset;
  return master.maxPhyOffset - ackedBytes;
}

/**
 * DefaultHAService.isInSyncSlave: a connected slave less than haMaxGapNotInSync bytes behind. Before
 * its first report its slaveAckOffset is -1: behind by the master's whole log, and one byte.
 */
function isInSyncSlave(state: ModelState, master: BrokerState, connection: HAConnection): boolean {
  const behind = connection.reported ? bytesBehind(master, connection.ackIndex) : master.maxPhyOffset + 1;
  return behind < state.config.haMaxGapNotInSyncBytes;
}

/** DefaultHAService.inSyncReplicasNums: the master and its in-sync slaves. */
function inSyncReplicasNums(state: ModelState, master: BrokerState, now: number): number {
  dropSilentSlaves(state, master, now);
  let count = 1;
  for (const slave in master.haConnections) if (isInSyncSlave(state, master, master.haConnections[slave]!)) count++;
  return count;
}

/**
 * HAService.isSlaveOK (4.9.8): a connection (connectionCount, counted at the connect) and
 * push2SlaveMaxOffset, the furthest ack of any slave, close enough. It starts at 0 with the master;
 * with no connection acknowledging yet, the master's whole log counts as behind here (RocketMQ keeps
 * the last ack of a closed connection, which makes no difference below haMaxGapNotInSync's 256 MB).
 */
function isSlaveOK(state: ModelState, master: BrokerState, now: number): boolean {
  dropSilentSlaves(state, master, now);
  const connections = Object.values(master.haConnections);
  const acks = connections.filter((connection) => connection.reported).map((connection) => connection.ackIndex);
  const behind = acks.length > 0 ? bytesBehind(master, Math.max(...acks)) : master.maxPhyOffset;
  return connections.length > 0 && behind < state.config.haMaxGapNotInSyncBytes;
}

/** GroupTransferService: replicas holding everything below `index`, the master included (a slave's ack comes with its reports). */
function ackNums(master: BrokerState, index: number): number {
  let count = 1;
  for (const slave in master.haConnections) {
    const connection = master.haConnections[slave]!;
    if (connection.reported && connection.ackIndex >= index) count++;
  }
  return count;
}

/**
 * CommitLog.asyncPutMessage (5.x): the refusal of a put that too few replicas could hold, before
 * anything is stored; null when the put may go ahead. In controller mode the master's SyncStateSet
 * must hold minInSyncReplicas replicas (AutoSwitchHAService.inSyncReplicasNums); with
 * enableSlaveActingMaster, inSyncReplicas must be in sync, the alive replicas taken to be the
 * master and its connected slaves.
 */
export function checkInSyncReplicas(state: ModelState, master: BrokerState, now: number): RemotingResponse | null {
  if (master.role !== 'SYNC_MASTER' || state.config.rocketmqVersion === '4.x') return null;
  const enough = state.config.enableControllerMode
    ? master.replicas.syncStateSet.length >= master.minInSyncReplicas
    : !master.enableSlaveActingMaster || master.inSyncReplicas <= inSyncReplicasNums(state, master, now);
  // SendMessageProcessor.handlePutMessageResult: IN_SYNC_REPLICAS_NOT_ENOUGH -> SYSTEM_ERROR.
  return enough ? null : { code: 'SYSTEM_ERROR', remark: 'in-sync replicas not enough' };
}

/**
 * Whether a put on this master waits for its slaves before the answer (and so wakes the HA write
 * service at once): 4.9.8's submitReplicaRequest only when isSlaveOK, 5.x's handleHA only when
 * needAckNums is 2 or more (inSyncReplicas; with the default 1 it returns PUT_OK first).
 */
export function putWaitsForSlaves(state: ModelState, master: BrokerState, now: number): boolean {
  if (master.role !== 'SYNC_MASTER') return false;
  return state.config.rocketmqVersion === '4.x' ? isSlaveOK(state, master, now) : master.inSyncReplicas > 1;
}

/** How many replicas must hold the message before the answer, or the answer to give at once. */
function needAckNums(state: ModelState, master: BrokerState, response: RemotingResponse, now: number): number | RemotingResponse {
  const is4x = state.config.rocketmqVersion === '4.x';
  if (putWaitsForSlaves(state, master, now)) return is4x ? 2 : master.inSyncReplicas;
  return is4x ? { ...response, sendStatus: 'SLAVE_NOT_AVAILABLE' } : response;
}

/**
 * A stored message's answer on this master: returns the answer to give now, or null when it
 * waits for the slaves' acks (answered by answerAcknowledgedSends or onSyncReplicaTimeout).
 */
export function syncReplica(state: ModelState, master: BrokerState, node: string, rpcId: number | null, response: RemotingResponse, sim: Sim): RemotingResponse | null {
  if (master.role !== 'SYNC_MASTER') return response;
  const need = needAckNums(state, master, response, sim.now);
  if (typeof need !== 'number' || rpcId === null) return typeof need === 'number' ? response : need;
  master.syncReplicaWaits.push({ index: master.commitLog.length, needAckNums: need, node, rpcId, response });
  sim.after(state.config.slaveTimeoutMs, { kind: 'broker.syncReplicaTimeout', broker: master.node, epoch: master.epoch, node, rpcId });
  return null;
}

/** GroupTransferService.doWaitTransfer: sends whose message enough replicas now hold are answered. */
export function answerAcknowledgedSends(state: ModelState, master: BrokerState, sim: Sim): void {
  if (master.syncReplicaWaits.length === 0) return;
  dropSilentSlaves(state, master, sim.now);
  master.syncReplicaWaits = master.syncReplicaWaits.filter((wait) => {
    if (ackNums(master, wait.index) < wait.needAckNums) return true;
    // An answer written after its request's read: activity on the producer's channel (client-channel-idle.ts).
    wroteToClient(master, wait.node, sim.now);
    reply(sim, master.node, wait.node, wait.rpcId, wait.response);
    return false;
  });
}

export function onSyncReplicaTimeout(state: ModelState, event: { broker: string; epoch: number; node: string; rpcId: number }, sim: Sim): void {
  const master = state.brokers[event.broker];
  if (!master || master.status !== 'running' || master.epoch !== event.epoch) return;
  const wait = master.syncReplicaWaits.find((entry) => entry.node === event.node && entry.rpcId === event.rpcId);
  if (!wait) return;
  master.syncReplicaWaits = master.syncReplicaWaits.filter((entry) => entry !== wait);
  wroteToClient(master, wait.node, sim.now);
  reply(sim, master.node, wait.node, wait.rpcId, { ...wait.response, sendStatus: 'FLUSH_SLAVE_TIMEOUT' });
}
