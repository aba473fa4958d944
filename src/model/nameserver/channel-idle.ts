/**
 * The NameServer's idle close (NettyRemotingServer's pipeline: IdleStateHandler(0, 0,
 * serverChannelMaxIdleTimeSeconds) and NettyConnectManageHandler). A channel with nothing read
 * or written for 120 s is closed, and BrokerHousekeepingService.onChannelIdle removes the broker
 * behind it at once, like a closed channel. A live broker registers every 30 s and never idles;
 * a partitioned one goes at its last registration + 120 s, which is usually a few seconds before
 * scanNotActiveBroker would notice (it needs lastUpdateTimestamp + 120 s < now, at a 5 s tick).
 *
 * Only broker channels are followed: an idle client channel changes no route.
 */
import { idleSince as channelIdleSince } from '../idle-state-handler.ts';
import type { Sim } from '../sim-types.ts';
import type { ModelState, NameServerState } from '../state.ts';

export interface ChannelIdleCheck {
  nameServer: string;
  epoch: number;
  peer: string;
  /** When the channel opened: a check for an earlier channel from the same peer is ignored. */
  openedAt: number;
}

/** A request from a broker was read (and its answer written): the channel is busy now. */
export function touchBrokerChannel(state: ModelState, ns: NameServerState, peer: string, sim: Sim): void {
  const idleMs = state.config.serverChannelMaxIdleTimeMs;
  if (idleMs === 0) return; // IdleStateHandler with 0 checks nothing.
  const channel = ns.brokerChannels[peer];
  if (channel) {
    channel.lastActivity = sim.now;
    return;
  }
  ns.brokerChannels[peer] = { openedAt: sim.now, lastActivity: sim.now };
  sim.after(idleMs, { kind: 'nameServer.channelIdleCheck', nameServer: ns.id, epoch: ns.epoch, peer, openedAt: sim.now });
}

/** IdleStateHandler's look at the broker's channel (idle-state-handler.ts): its last activity when idle for the whole period, else null. */
export function idleSince(state: ModelState, ns: NameServerState, check: ChannelIdleCheck, sim: Sim): number | null {
  const again = { kind: 'nameServer.channelIdleCheck', ...check } as const;
  return channelIdleSince(ns.brokerChannels[check.peer], check.openedAt, state.config.serverChannelMaxIdleTimeMs, sim, again);
}
