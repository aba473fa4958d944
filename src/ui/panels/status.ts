import type { BrokerState, ClientState } from '../../sim/index.ts';
import type { EntityStatus } from './strings.ts';

/**
 * A running broker cut off by a partition keeps its connections but nothing gets through. A
 * broker's 'stopped' is only ever the state before its start (a shutdown leaves it 'shutdown').
 * A machine without power is down as a crashed process is, but closes no connection: nobody
 * learns it until silence does (powerOffBroker), so it is not called crashed.
 */
export function brokerStatus(broker: Readonly<BrokerState>): EntityStatus {
  if (broker.status === 'stopped') return 'notStarted';
  if (broker.status === 'crashed' && broker.pageCacheLost) return 'poweredOff';
  return broker.status === 'running' && broker.partitioned ? 'partitioned' : broker.status;
}

/**
 * Whether no close of a broker's connections reaches its peers: cut off by a partition (running or
 * crashed behind it), or its machine without power. A NameServer then drops it only once it has been
 * silent long enough; a process that died or shut down in the open is dropped as its close arrives.
 */
export function closesUnseen(broker: Readonly<BrokerState>): boolean {
  return broker.partitioned || broker.pageCacheLost;
}

/**
 * The model calls a client 'stopped' both before its start and after its shutdown; only its start
 * counts its epoch up (the model's startClientInstance), so epoch 0 is a client that has not started yet.
 */
export function clientStatus(client: Readonly<ClientState>): EntityStatus {
  return client.status === 'stopped' && client.epoch === 0 ? 'notStarted' : client.status;
}

/**
 * Why a master holds no HA connection, when that is not just "no slave connected": its process
 * never started; it stopped and closed its connections in the open ('closed', a crash or a
 * shutdown), or behind a partition that keeps the close from its peers ('closedUnseen'); its
 * machine is off and closed nothing ('noPower', the network's powerOff); or, running behind a
 * partition, its HAConnection.ReadSocketService closed the connections that went silent
 * ('cutOff', haHousekeepingInterval). null for a master running in the open.
 */
export type HaAbsence = 'notStarted' | 'closed' | 'closedUnseen' | 'noPower' | 'cutOff';

export function haAbsence(broker: Readonly<BrokerState>): HaAbsence | null {
  if (broker.status === 'running') return broker.partitioned && Object.keys(broker.haConnections).length > 0 ? 'cutOff' : null;
  if (broker.status === 'stopped') return 'notStarted';
  if (broker.pageCacheLost) return 'noPower';
  return broker.partitioned ? 'closedUnseen' : 'closed';
}

/**
 * What a machine without power loses of its CommitLog: the bytes past flushedPhyOffset, which
 * lived in the page cache only; its next start keeps the flushed prefix (CommitLog.recoverAbnormally,
 * src/model/broker/flush-service.ts). The messages among them are counted when the entries at hand
 * reach back to the flushed position (the page holds only a log's latest entries), else null.
 * null when the broker has power, or lost nothing.
 */
export function unflushedTail(broker: Readonly<BrokerState>): { bytes: number; messages: number | null } | null {
  if (!broker.pageCacheLost) return null;
  const bytes = broker.maxPhyOffset - broker.flushedPhyOffset;
  if (bytes <= 0) return null;
  const log = broker.commitLog;
  let messages = 0;
  for (let index = log.length - 1; index >= 0; index--) {
    const message = log.at(index);
    if (message === undefined) return { bytes, messages: null };
    if (message.commitLogOffset + message.size <= broker.flushedPhyOffset) break;
    messages++;
  }
  return { bytes, messages };
}
