/**
 * HAConnection.ReadSocketService's housekeeping on a master (4.9.8 HAConnection, 5.x
 * DefaultHAConnection and AutoSwitchHAConnection): a connection that read no report from its
 * slave for more than haHousekeepingInterval (20 s) is closed and removed from HAService, so the
 * slave no longer counts for isSlaveOK (4.9.8), inSyncReplicasNums (5.x) or the acks a
 * SYNC_MASTER's send waits for. A healthy slave reports every haSendHeartbeatInterval (5 s), so
 * only a slave that is gone or cut off goes silent.
 *
 * Checked lazily, with no timer of its own: every reader of a master's connections calls
 * dropSilentSlaves first. The service selects with a 1 s timeout and checks after each wake; a
 * read restarts the select, so with nothing arriving it wakes at lastRead + 1 s, + 2 s, ... and
 * closes at the first wake past haHousekeepingInterval: lastRead + 21 s by default (closesAt).
 * That moment depends on lastReadAt alone, which only a report moves (onHaReport, which drops
 * first), so a connection dropped when it is next looked at is gone for every look at or after
 * closesAt and present before: the same answers as a service checking on its own.
 */
import type { SimConfig } from '../defaults.ts';
import type { ModelState, BrokerState, HAConnection } from '../state.ts';

/** ReadSocketService: selector.select(1000) between checks. */
const READ_SELECT_TIMEOUT_MS = 1_000;

/** When the read service closes a connection that reads nothing more: its first wake more than haHousekeepingInterval after the last read. */
export function closesAt(state: { config: Pick<SimConfig, 'haHousekeepingIntervalMs'> }, connection: HAConnection): number {
  const wakes = Math.floor(state.config.haHousekeepingIntervalMs / READ_SELECT_TIMEOUT_MS) + 1;
  return connection.lastReadAt + wakes * READ_SELECT_TIMEOUT_MS;
}

/** HAService.removeConnection for every connection whose read service has closed it by `now`. */
export function dropSilentSlaves(state: ModelState, master: BrokerState, now: number): void {
  // Every put passes here, most on masters without slaves: no array is made for them.
  for (const slave in master.haConnections) {
    if (now >= closesAt(state, master.haConnections[slave]!)) delete master.haConnections[slave];
  }
}

/**
 * The master's connections its read service has not closed by `now`: what HAService holds then,
 * none while its process is down. A closed one stays in the state until a reader drops it (a put,
 * a report), so a view asks this.
 */
export function openHaConnections(config: Pick<SimConfig, 'haHousekeepingIntervalMs'>, master: Readonly<BrokerState>, now: number): HAConnection[] {
  if (master.status !== 'running') return [];
  return Object.values(master.haConnections).filter((connection) => now < closesAt({ config }, connection));
}

/**
 * The address a slave's HAClient connects to, from its master's broker address: the HA port is
 * listenPort + 1 (BrokerStartup sets MessageStoreConfig.haListenPort so: 10912 beside 10911),
 * given to the slave as the registration's haServerAddr (brokerIP2:haListenPort).
 */
export function haServerAddr(brokerAddr: string): string {
  const colon = brokerAddr.lastIndexOf(':');
  const port = Number(brokerAddr.slice(colon + 1));
  return colon < 0 || !Number.isInteger(port) ? brokerAddr : `${brokerAddr.slice(0, colon)}:${port + 1}`;
}
