/**
 * When a broker drops a consumer that has gone silent (hung, cut off, or its machine without
 * power): what its idle close (client-channel-idle.ts) and its scan (consumer-manager.ts
 * onScanNotActiveChannel) would do if nothing more is read from its channel or written to it. A
 * module of its own, with no runtime imports, so a view can ask it without loading the broker's
 * process.
 */
import type { BrokerState, ModelState } from '../state.ts';
import type { ConsumerRemovalReason } from '../vocabulary.ts';

/** How and when a broker drops a consumer that sends nothing more: with a CHANGE to its group (channelIdle) or without (expired). */
export interface SilentConsumerDrop {
  at: number;
  how: Extract<ConsumerRemovalReason, 'channelIdle' | 'expired'>;
}

/**
 * When `broker` drops `clientId` of `group` if nothing arrives from it again: the idle close of its
 * channel (last activity + serverChannelMaxIdleTimeMs; 0 checks nothing), or the first
 * scanNotActiveChannel tick that finds its last heartbeat more than channelExpiredTimeout old
 * (strictly older), whichever comes first; the idle close on a tie (onScanNotActiveChannel runs
 * it first). A pull the broker still holds for the client is answered, a write into its channel,
 * at the first hold check once its suspend time is up, unless a message for it comes first.
 */
export function silentConsumerDrop(state: Readonly<ModelState>, broker: Readonly<BrokerState>, group: string, clientId: string): SilentConsumerDrop | null {
  const channel = broker.consumerTable[group]?.channels[clientId];
  if (broker.status !== 'running' || !channel) return null;
  const expiry = channel.lastUpdateTimestamp + state.config.channelExpiredTimeoutMs;
  const scan = { at: firstTickAfter(broker.nextChannelScanAt, state.config.clientChannelScanIntervalMs, expiry), how: 'expired' as const };
  const open = broker.clientChannels[channel.node];
  const idleMs = state.config.serverChannelMaxIdleTimeMs;
  if (!open || idleMs === 0) return scan;
  const idle = { at: Math.max(open.lastActivity, lastHeldPullAnswer(state, broker, channel.node)) + idleMs, how: 'channelIdle' as const };
  return idle.at <= scan.at ? idle : scan;
}

/** The first of next, next + period, ... strictly after `after`. */
function firstTickAfter(next: number, period: number, after: number): number {
  return next + Math.max(0, Math.floor((after - next) / period) + 1) * period;
}

/** When checkHoldRequest answers the last of `node`'s parked pulls that no message wakes (giveUp: now >= expiresAt), or -Infinity with none. */
function lastHeldPullAnswer(state: Readonly<ModelState>, broker: Readonly<BrokerState>, node: string): number {
  const period = state.config.longPollingEnable ? state.config.pullRequestHoldCheckMs : state.config.shortPollingTimeMs;
  let last = -Infinity;
  for (const holds of Object.values(broker.pullHolds)) {
    for (const hold of holds) {
      if (hold.node === node) last = Math.max(last, broker.nextPullHoldCheckAt + Math.max(0, Math.ceil((hold.expiresAt - broker.nextPullHoldCheckAt) / period)) * period);
    }
  }
  return last;
}
