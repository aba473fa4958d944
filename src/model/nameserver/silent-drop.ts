/**
 * When a NameServer drops a broker that has gone silent (cut off, or its machine without power):
 * what its idle close (channel-idle.ts) and its scan (nameserver.ts onScanNotActiveBroker) would do
 * if nothing more arrives. A module of its own, with no runtime imports, so a view can ask it
 * without loading the NameServer's process.
 */
import type { ModelState, NameServerState } from '../state.ts';
import type { BrokerRemovalReason } from '../vocabulary.ts';

/** How and when a NameServer drops a broker that sends nothing more (removeBroker's reasons for a silent one). */
export interface SilentDrop {
  at: number;
  how: Extract<BrokerRemovalReason, 'channelIdle' | 'expired'>;
}

/**
 * When `ns` drops the broker at `addr` if nothing arrives from it again: the idle close of its
 * channel (onChannelIdleCheck: last activity + serverChannelMaxIdleTimeMs; 0 checks nothing), or
 * the first scanNotActiveBroker tick after its registration is heartbeatTimeoutMillis old
 * (findExpiredBrokers: strictly older), whichever comes first; the idle close on a tie.
 */
export function silentBrokerDrop(state: Readonly<ModelState>, ns: Readonly<NameServerState>, addr: string): SilentDrop | null {
  const live = ns.brokerLiveTable[addr];
  if (!live) return null;
  const period = state.config.scanNotActiveBrokerIntervalMs;
  const expiry = live.lastUpdateTimestamp + live.heartbeatTimeoutMillis;
  const scan = { at: ns.nextScanAt + Math.max(0, Math.floor((expiry - ns.nextScanAt) / period) + 1) * period, how: 'expired' as const };
  const channel = ns.brokerChannels[live.node];
  const idleMs = state.config.serverChannelMaxIdleTimeMs;
  if (!channel || idleMs === 0) return scan;
  const idle = { at: channel.lastActivity + idleMs, how: 'channelIdle' as const };
  return idle.at <= scan.at ? idle : scan;
}
