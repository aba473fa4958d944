/**
 * HAService: a master's commit log copied to its slaves (store/.../ha/HAService, HAConnection,
 * HAClient). The slave's HAClient connects to the master's HA address, which its NameServer
 * registration gave it, and reports how much of the commit log it holds every 5 s
 * (haSendHeartbeatInterval) and after each batch it appends. The master counts the connection
 * from the connect (HAConnection's constructor: connectionCount), but its write service sends
 * nothing and the connection acknowledges nothing before the slave's first report
 * (slaveRequestOffset, slaveAckOffset -1): 4.9.8's connectMaster sets lastWriteTimestamp, so that
 * report comes one haSendHeartbeatInterval after the connect, and a 4.x SYNC_MASTER's puts meanwhile
 * wait for an ack (group-transfer-service.ts); 5.x's DefaultHAClient does not, so a slave that last
 * reported, or started, 5 s or more before it connects reports at once. The master's write
 * service sends from the slave's first report on; idle, it sleeps 100 ms between looks, so a slave trails by up
 * to 100 ms. Only a put whose answer waits for a slave wakes it at once (CommitLog's wakeupAll
 * after the replica request): a 4.x SYNC_MASTER's with a slave in sync, a 5.x SYNC_MASTER's only
 * with inSyncReplicas 2 or more; with 5.x's default 1, handleHA answers PUT_OK before that call,
 * so its slave trails as an ASYNC_MASTER's does. When the send is answered is
 * GroupTransferService's business (group-transfer-service.ts).
 *
 * The copy is the same bytes at the same offsets, so the slave stores the master's very
 * StoredMessage objects (same offsetMsgId: it names the master's store host) and builds its
 * ConsumeQueues from them (ReputMessageService). Offsets are commit log indexes here, where
 * RocketMQ counts bytes, except where a new connection starts: at the slave's byte offset, which a
 * slave ahead of a master that lost its unflushed tail may have inside one of the master's
 * messages (startFrom). Batches of haTransferBatchSize (32 KB) go back to back, so a transfer
 * carries everything pending at once.
 *
 * Silence closes the connection (haHousekeepingInterval, 20 s): on the master when no report came
 * (ha-connection.ts), on a 5.x slave when nothing came from the master (haHousekeeping). A write
 * into a partition is not an error: TCP keeps it and retransmits once the path is back.
 */
import { MASTER_ID } from '../defaults.ts';
import { noticed } from '../detections.ts';
import { onewayOutcome } from '../remoting.ts';
import type { RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, HAConnection, ModelState } from '../state.ts';
import { storedBy } from './broker-stats.ts';
import { flushAfterPut } from './flush-service.ts';
import { answerAcknowledgedSends, putWaitsForSlaves } from './group-transfer-service.ts';
import { dropSilentSlaves } from './ha-connection.ts';
import { appendReplica, appendUndispatched, lastStartingAtOrBefore } from './message-store.ts';
import { notifyMessageArriving } from './pull-request-hold-service.ts';
import { onSlaveAck } from './replicas-manager.ts';


function masterNode(state: ModelState, slave: BrokerState): string | undefined {
  return slave.haMasterAddr === null ? undefined : state.addrNodes[slave.haMasterAddr];
}

/**
 * HAClient: report the commit log length; a `hello` when no connection is held opens one
 * (connectMaster: a host that answers connects, a black hole times the connect out), and
 * lastReadTimestamp starts with the connection. Once connected, only a refused write closes it
 * (closeMaster): one into a partition is buffered by TCP, and housekeeping decides.
 */
function reportOffset(state: ModelState, slave: BrokerState, sim: Sim): void {
  const master = masterNode(state, slave);
  if (master === undefined) return;
  const hello = !slave.haConnected;
  const report = !hello || reportsAtConnect(state, slave, sim.now);
  const outcome = onewayOutcome(sim, slave.node, master, { code: 'HA_REPORT', hello, report, index: slave.commitLog.length, offset: slave.maxPhyOffset });
  if (hello) {
    slave.haConnected = outcome === 'sent';
    slave.haLastReadAt = sim.now;
  } else if (outcome === 'down' || outcome === 'senderDown') {
    slave.haConnected = false;
  }
  // lastWriteTimestamp: set by a report written (into a partition too: TCP takes it), and by 4.9.8's connectMaster.
  const written = outcome !== 'down' && outcome !== 'senderDown';
  if ((report && written) || (hello && state.config.rocketmqVersion === '4.x')) slave.haLastWriteAt = sim.now;
}

/**
 * Whether the slave reports in the same loop as its connect (HAClient.isTimeToReportOffset: more
 * than haSendHeartbeatInterval since lastWriteTimestamp). 4.9.8's connectMaster has just set it:
 * never. 5.x's DefaultHAClient leaves it at the last report (or the start): when that is a whole
 * interval ago, as at the usual first connect, one 5 s tick after start. Controller mode's
 * AutoSwitchHAClient hands its offset over in its handshake.
 */
function reportsAtConnect(state: ModelState, slave: BrokerState, now: number): boolean {
  if (state.config.enableControllerMode) return true;
  if (state.config.rocketmqVersion === '4.x') return false;
  return now - slave.haLastWriteAt >= state.config.haSendHeartbeatIntervalMs;
}

/**
 * Whether the master's idle header would have reached the slave in the tick now ending. The
 * master's WriteSocketService sends a header every haSendHeartbeatInterval when it has nothing
 * to send, so a master that is running and reachable is heard at least that often. It stands in
 * here, at the slave's own 5 s tick, for a network message that is not modelled: one more
 * message per slave every 5 s would draw network jitter and shift every later draw of the run.
 * A pure look at the network (canDeliver draws nothing), so traces keep their draws.
 */
function masterHeard(state: ModelState, master: string, slave: string, sim: Sim): boolean {
  return state.brokers[master]?.status === 'running' && sim.net.isUp(master) && sim.net.canDeliver(master, slave);
}

/**
 * DefaultHAClient's housekeeping (5.x): nothing read from the master for more than
 * haHousekeepingInterval closes the connection (closeMaster), and the slave has noticed its
 * master gone. Checked at the slave's 5 s tick, where RocketMQ checks after each 1 s select, so
 * the close comes at the first tick past lastRead + 20 s. 4.9.8's HAClient measures its own last
 * write instead, which every 5 s report renews: it never closes a silent master's connection.
 */
function haHousekeeping(state: ModelState, slave: BrokerState, sim: Sim): void {
  if (!slave.haConnected || state.config.rocketmqVersion === '4.x') return;
  const master = masterNode(state, slave);
  if (master === undefined) return;
  if (masterHeard(state, master, slave.node, sim)) {
    slave.haLastReadAt = sim.now;
  } else if (sim.now - slave.haLastReadAt > state.config.haHousekeepingIntervalMs) {
    slave.haConnected = false;
    noticed(state, master, slave.node, sim.now, { how: 'haChannelClosed' });
  }
}

/** HAClient's loop: report every haSendHeartbeatInterval (and reconnect if the connection is gone). */
export function onHaReportTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const slave = state.brokers[event.broker];
  if (!slave || slave.status !== 'running' || slave.epoch !== event.epoch) return;
  haHousekeeping(state, slave, sim);
  reportOffset(state, slave, sim);
  sim.after(state.config.haSendHeartbeatIntervalMs, { kind: 'broker.haReport', broker: slave.node, epoch: slave.epoch });
}

export function startHaClient(slave: BrokerState, sim: Sim): void {
  slave.haConnected = false;
  // DefaultHAClient's lastWriteTimestamp starts with the client (4.9.8's is set again at each connect).
  slave.haLastWriteAt = sim.now;
  sim.after(0, { kind: 'broker.haReport', broker: slave.node, epoch: slave.epoch });
}

/**
 * HAService.AcceptSocketService and HAConnection.ReadSocketService: a `hello` opens a connection,
 * which counts at once; a report, the first one with it or later, starts the transfer or
 * acknowledges what the slave has. A report on a connection the master closed for silence (after
 * a partition healed, say) opens a new one: the slave's write is refused and it connects again at
 * once, reporting with the connect as its version does (reportsAtConnect).
 */
export function onHaReport(state: ModelState, master: BrokerState, from: string, request: RequestOf<'HA_REPORT'>, sim: Sim): void {
  if (master.brokerId !== MASTER_ID) return;
  dropSilentSlaves(state, master, sim.now);
  const known = request.hello ? undefined : master.haConnections[from];
  const connection = known ?? acceptConnection(master, from, request, sim.now);
  connection.lastReadAt = sim.now;
  const report = known !== undefined || (request.hello ? request.report : state.config.enableControllerMode || state.config.rocketmqVersion !== '4.x');
  if (!report) return;
  if (!connection.reported) firstReport(master, connection, request);
  else connection.ackIndex = Math.max(connection.ackIndex, request.index - connection.shift);
  answerAcknowledgedSends(state, master, sim);
  onSlaveAck(state, master, connection, sim);
  scheduleTransfer(state, master, connection, putWaitsForSlaves(state, master, sim.now), sim);
}

/** AcceptSocketService: a new HAConnection, counted before it has read anything (ReadSocketService.lastReadTimestamp starts now). */
function acceptConnection(master: BrokerState, from: string, request: RequestOf<'HA_REPORT'>, now: number): HAConnection {
  const connection: HAConnection = {
    slave: from, reported: false, nextIndex: master.commitLog.length, waitsFor: request.offset, shift: 0, ackIndex: request.index,
    lastTransferAt: Number.NEGATIVE_INFINITY, transferScheduled: false, lastReadAt: now,
  };
  master.haConnections[from] = connection;
  return connection;
}

/** The slave's first report: slaveRequestOffset, nextTransferFromWhere = where the slave is, in bytes. */
function firstReport(master: BrokerState, connection: HAConnection, request: RequestOf<'HA_REPORT'>): void {
  Object.assign(connection, { reported: true, nextIndex: master.commitLog.length, waitsFor: request.offset, shift: 0, ackIndex: request.index });
  if (startFrom(master, connection, request.index) === 'aligned') connection.ackIndex = request.index - connection.shift;
}

/**
 * Where the master's log holds the slave's byte offset `waitsFor`: the message that starts there
 * ('aligned'), or one it falls inside ('misaligned': what is sent from there begins mid-message);
 * null while the master's log ends at or before it. Sets nextIndex and shift when found.
 * `slaveIndex` is the slave's commit log length at that offset.
 */
function startFrom(master: BrokerState, connection: HAConnection, slaveIndex: number): 'aligned' | 'misaligned' | null {
  const offset = connection.waitsFor!;
  const log = master.commitLog;
  // A slave that is a prefix of its master (the usual case) starts at its own length.
  const start = (index: number) => (index < log.length ? log.at(index)!.commitLogOffset : master.maxPhyOffset);
  let index = slaveIndex <= log.length && start(slaveIndex) === offset ? slaveIndex : -1;
  if (index < 0) {
    if (master.maxPhyOffset <= offset) return master.maxPhyOffset === offset ? found(connection, log.length, slaveIndex, 'aligned') : null;
    index = lastStartingAtOrBefore(master, offset);
  }
  return found(connection, index, slaveIndex, start(index) === offset ? 'aligned' : 'misaligned');
}

function found(connection: HAConnection, index: number, slaveIndex: number, how: 'aligned' | 'misaligned'): 'aligned' | 'misaligned' {
  connection.nextIndex = index;
  connection.shift = slaveIndex - index;
  if (how === 'aligned') connection.waitsFor = null;
  return how;
}

/** When the write service next sends to this slave: at once if woken, else at its next look; never before its first report. */
function scheduleTransfer(state: ModelState, master: BrokerState, connection: HAConnection, woken: boolean, sim: Sim): void {
  if (!connection.reported) return;
  const pending = connection.waitsFor === null ? connection.nextIndex < master.commitLog.length : master.maxPhyOffset > connection.waitsFor;
  if (connection.transferScheduled || !pending) return;
  connection.transferScheduled = true;
  const wait = state.config.haTransferWaitMs;
  const sinceLast = sim.now - connection.lastTransferAt;
  const delay = woken || sinceLast >= wait ? 0 : wait - sinceLast;
  sim.after(delay, { kind: 'broker.haTransfer', broker: master.node, epoch: master.epoch, slave: connection.slave });
}

/** A message was put on this master: every connected slave will get it. */
export function onMasterPut(state: ModelState, master: BrokerState, sim: Sim): void {
  dropSilentSlaves(state, master, sim.now);
  // Every put passes here, most on masters without slaves: nothing more is asked of those.
  let woken: boolean | undefined;
  for (const slave in master.haConnections) {
    woken ??= putWaitsForSlaves(state, master, sim.now);
    scheduleTransfer(state, master, master.haConnections[slave]!, woken, sim);
  }
}

/** WriteSocketService: send the commit log from nextTransferFromWhere. */
export function onHaTransferTimer(state: ModelState, event: { broker: string; epoch: number; slave: string }, sim: Sim): void {
  const master = state.brokers[event.broker];
  if (!master || master.status !== 'running' || master.epoch !== event.epoch) return;
  dropSilentSlaves(state, master, sim.now);
  const connection = master.haConnections[event.slave];
  if (!connection) return;
  connection.transferScheduled = false;
  connection.lastTransferAt = sim.now;
  // Into a partition the write waits in TCP's buffer, retransmitted once the path is back: the
  // next transfer after the slave's next report sends it (nothing is sent, nothing drawn, now).
  if (sim.net.isBlackholed(master.node, event.slave)) return;
  // The slave's first report is a byte offset (HAConnection.WriteSocketService sends from
  // slaveRequestOffset once the master's log passes it), which a slave ahead of its master may have
  // inside a message: the bytes sent then begin mid-message.
  const from = connection.waitsFor;
  let misaligned = false;
  if (from !== null) {
    // While it waits, ackIndex is the slave's own length (onHaReport).
    const start = startFrom(master, connection, connection.ackIndex);
    if (start === null) return;
    misaligned = start === 'misaligned';
    connection.waitsFor = null;
  }
  if (connection.nextIndex >= master.commitLog.length) return;
  const messages = Object.freeze(master.commitLog.slice(connection.nextIndex));
  const fromOffset = from ?? messages[0]!.commitLogOffset;
  onewayOutcome(sim, master.node, event.slave, { code: 'HA_TRANSFER', fromOffset, messages, epoch: master.epoch, misaligned });
  connection.nextIndex = master.commitLog.length;
}

/**
 * HAClient.dispatchReadRequest: append what continues the commit log, then report at once. Data
 * that does not continue it (a transfer on the wire when a partition began) closes the connection, and the next
 * report opens a new one from where the slave is. A transfer still on its way when its master lost
 * power (or restarted) went with the machine: the power loss already counted what no replica held
 * as lost (flush-service.ts losePageCache).
 */
export function onHaTransfer(state: ModelState, slave: BrokerState, from: string, request: RequestOf<'HA_TRANSFER'>, sim: Sim): void {
  if (slave.brokerId === MASTER_ID) return;
  const master = state.brokers[from];
  if (master === undefined || master.pageCacheLost || master.epoch !== request.epoch) return;
  slave.haLastReadAt = sim.now;
  if (request.fromOffset !== slave.maxPhyOffset) {
    slave.haConnected = false;
    return;
  }
  // HAClient.dispatchReadRequest checks only that the offsets agree, and appends: bytes beginning
  // mid-message stop ReputMessageService for good on a slave (an illegal magic code is skipped on a master only).
  if (request.misaligned) slave.reputStoppedAt ??= slave.commitLog.length;
  for (const message of request.messages) {
    if (slave.reputStoppedAt !== null) {
      appendUndispatched(slave, message);
      continue;
    }
    appendReplica(slave, message);
    storedBy(sim, slave, message);
    notifyMessageArriving(state, slave, message.topic, message.queueId, message.tagsCode, sim);
  }
  flushAfterPut(state, slave, sim);
  reportOffset(state, slave, sim);
}

/** Either side of the HA connection saw it close. */
export function onHaChannelClosed(broker: BrokerState, peer: string): void {
  if (broker.brokerId === MASTER_ID) delete broker.haConnections[peer];
  else if (broker.haMasterAddr !== null) broker.haConnected = false;
}
