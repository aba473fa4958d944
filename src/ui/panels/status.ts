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
