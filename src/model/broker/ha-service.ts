/**
 * HAService: a master's commit log copied to its slaves (store/.../ha/HAService, HAConnection,
 * HAClient). The slave's HAClient connects to the master's HA address, which its NameServer
 * registration gave it, and reports how much of the commit log it holds every 5 s
 * (haSendHeartbeatInterval) and after each batch it appends. The master's write service sends
 * from the slave's first report on; idle, it sleeps 100 ms between looks, so an ASYNC_MASTER's
 * slave trails by up to 100 ms, while a SYNC_MASTER's put wakes it at once; when the send is
 * answered is GroupTransferService's business (group-transfer-service.ts).
 *
 * The copy is the same bytes at the same offsets, so the slave stores the master's very
 * StoredMessage objects (same offsetMsgId: it names the master's store host) and builds its
 * ConsumeQueues from them (ReputMessageService). Offsets are commit log indexes here, where
 * RocketMQ counts bytes; batches of haTransferBatchSize (32 KB) go back to back, so a transfer
 * carries everything pending at once.
 */
import { MASTER_ID } from '../defaults.ts';
import { oneway } from '../remoting.ts';
import type { RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, HAConnection, ModelState } from '../state.ts';
import { storedBy } from './broker-stats.ts';
import { flushAfterPut } from './flush-service.ts';
import { answerAcknowledgedSends } from './group-transfer-service.ts';
import { appendReplica } from './message-store.ts';
import { notifyMessageArriving } from './pull-request-hold-service.ts';
import { onSlaveAck } from './replicas-manager.ts';


function masterNode(state: ModelState, slave: BrokerState): string | undefined {
  return slave.haMasterAddr === null ? undefined : state.addrNodes[slave.haMasterAddr];
}

/** HAClient: report the commit log length; a `hello` when no connection is held opens one. */
function reportOffset(state: ModelState, slave: BrokerState, sim: Sim): void {
  const master = masterNode(state, slave);
  if (master === undefined) return;
  const sent = oneway(sim, slave.node, master, { code: 'HA_REPORT', hello: !slave.haConnected, index: slave.commitLog.length });
  slave.haConnected = sent;
}

/** HAClient's loop: report every haSendHeartbeatInterval (and reconnect if the connection is gone). */
export function onHaReportTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const slave = state.brokers[event.broker];
  if (!slave || slave.status !== 'running' || slave.epoch !== event.epoch) return;
  reportOffset(state, slave, sim);
  sim.after(state.config.haSendHeartbeatIntervalMs, { kind: 'broker.haReport', broker: slave.node, epoch: slave.epoch });
}

export function startHaClient(slave: BrokerState, sim: Sim): void {
  slave.haConnected = false;
  sim.after(0, { kind: 'broker.haReport', broker: slave.node, epoch: slave.epoch });
}

/** HAConnection.ReadSocketService: a report opens the connection or acknowledges what the slave has. */
export function onHaReport(state: ModelState, master: BrokerState, from: string, request: RequestOf<'HA_REPORT'>, sim: Sim): void {
  if (master.brokerId !== MASTER_ID) return;
  const known = master.haConnections[from];
  if (request.hello || !known) {
    // A new connection starts where the slave is (nextTransferFromWhere = its first report).
    const nextIndex = Math.min(request.index, master.commitLog.length);
    master.haConnections[from] = { slave: from, nextIndex, ackIndex: request.index, lastTransferAt: Number.NEGATIVE_INFINITY, transferScheduled: false };
  } else {
    known.ackIndex = Math.max(known.ackIndex, request.index);
  }
  answerAcknowledgedSends(master, sim);
  onSlaveAck(state, master, master.haConnections[from]!, sim);
  scheduleTransfer(state, master, master.haConnections[from]!, sim);
}

/** When the write service next sends to this slave: at once if woken, else at its next look. */
function scheduleTransfer(state: ModelState, master: BrokerState, connection: HAConnection, sim: Sim): void {
  if (connection.transferScheduled || connection.nextIndex >= master.commitLog.length) return;
  connection.transferScheduled = true;
  const wait = state.config.haTransferWaitMs;
  const sinceLast = sim.now - connection.lastTransferAt;
  const delay = master.role === 'SYNC_MASTER' || sinceLast >= wait ? 0 : wait - sinceLast;
  sim.after(delay, { kind: 'broker.haTransfer', broker: master.node, epoch: master.epoch, slave: connection.slave });
}

/** A message was put on this master: every connected slave will get it. */
export function onMasterPut(state: ModelState, master: BrokerState, sim: Sim): void {
  // Every put passes here, most on masters without slaves: no array is made for them.
  for (const slave in master.haConnections) scheduleTransfer(state, master, master.haConnections[slave]!, sim);
}

/** WriteSocketService: send the commit log from nextTransferFromWhere. */
export function onHaTransferTimer(state: ModelState, event: { broker: string; epoch: number; slave: string }, sim: Sim): void {
  const master = state.brokers[event.broker];
  if (!master || master.status !== 'running' || master.epoch !== event.epoch) return;
  const connection = master.haConnections[event.slave];
  if (!connection) return;
  connection.transferScheduled = false;
  connection.lastTransferAt = sim.now;
  const messages = Object.freeze(master.commitLog.slice(connection.nextIndex));
  if (messages.length === 0) return;
  oneway(sim, master.node, event.slave, { code: 'HA_TRANSFER', fromIndex: connection.nextIndex, messages, epoch: master.epoch });
  connection.nextIndex = master.commitLog.length;
}

/**
 * HAClient.dispatchReadRequest: append what continues the commit log, then report at once. Data
 * that does not continue it (a transfer lost in a partition) closes the connection, and the next
 * report opens a new one from where the slave is. A transfer still on its way when its master lost
 * power (or restarted) went with the machine: the power loss already counted what no replica held
 * as lost (flush-service.ts losePageCache).
 */
export function onHaTransfer(state: ModelState, slave: BrokerState, from: string, request: RequestOf<'HA_TRANSFER'>, sim: Sim): void {
  if (slave.brokerId === MASTER_ID) return;
  const master = state.brokers[from];
  if (master === undefined || master.pageCacheLost || master.epoch !== request.epoch) return;
  if (request.fromIndex !== slave.commitLog.length) {
    slave.haConnected = false;
    return;
  }
  for (const message of request.messages) {
    appendReplica(slave, message);
    storedBy(sim, slave, message);
    notifyMessageArriving(state, slave, message.topic, message.queueId, sim);
  }
  flushAfterPut(state, slave, sim);
  reportOffset(state, slave, sim);
}

/** Either side of the HA connection saw it close. */
export function onHaChannelClosed(broker: BrokerState, peer: string): void {
  if (broker.brokerId === MASTER_ID) delete broker.haConnections[peer];
  else if (broker.haMasterAddr !== null) broker.haConnected = false;
}
