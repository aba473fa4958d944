/**
 * The broker's idle close of a client's channel: the broker's remoting server has the NameServer's
 * pipeline (NettyRemotingServer: IdleStateHandler(0, 0, serverChannelMaxIdleTimeSeconds) and
 * NettyConnectManageHandler, nameserver/channel-idle.ts), so a channel with nothing read or
 * written for 120 s is closed, and ClientHousekeepingService.onChannelIdle hands it to
 * ProducerManager and ConsumerManager.doChannelCloseEvent, as a closed channel: a consumer goes
 * with a CHANGE to its group. A client heartbeats every 30 s and never idles; a hung, cut-off or
 * powered-off one goes at its last activity + 120 s, unless scanNotActiveChannel found its last
 * heartbeat more than 120 s old first (consumer-manager.ts): which comes first depends on how
 * long after its last heartbeat the channel last carried anything.
 *
 * Activity is a request read and a response or oneway written: IdleStateHandler's allIdleTime
 * counts reads and completed writes, and a write into a connection still open on the broker's side
 * completes once its socket takes it, whether or not the client ever reads it (a held pull
 * answered to a hung consumer, a NOTIFY_CONSUMER_IDS_CHANGED into a partition). A write into a
 * channel the broker already saw close is not one (there is no channel).
 *
 * The broker keeps one channel per client node here: a client whose close never reached the broker
 * (a partition swallowed the FIN) and that connects again is taken to go on on the same channel,
 * where RocketMQ would hold the stale one beside the new until it idles.
 */
import { idleSince } from '../idle-state-handler.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState } from '../state.ts';

export interface ClientChannelIdleCheck {
  broker: string;
  epoch: number;
  peer: string;
  /** When the channel opened: a check for an earlier channel from the same peer is ignored. */
  openedAt: number;
}

/** A request from a client was read (and any answer written at once): the channel is busy now, opened by it if it was not. */
export function readFromClient(state: ModelState, broker: BrokerState, peer: string, sim: Sim): void {
  const channel = broker.clientChannels[peer];
  if (channel) {
    channel.lastActivity = sim.now;
    return;
  }
  const idleMs = state.config.serverChannelMaxIdleTimeMs;
  if (idleMs === 0) return; // IdleStateHandler with 0 checks nothing.
  broker.clientChannels[peer] = { openedAt: sim.now, lastActivity: sim.now };
  sim.after(idleMs, { kind: 'broker.channelIdleCheck', broker: broker.node, epoch: broker.epoch, peer, openedAt: sim.now });
}

/** The broker wrote into a client's channel later than the request's read (a held pull, a notification). */
export function wroteToClient(broker: BrokerState, peer: string, now: number): void {
  const channel = broker.clientChannels[peer];
  if (channel) channel.lastActivity = now;
}

/** The channel closed (the client's FIN, the scan's or the idle close): the next request from the peer opens a new one. */
export function forgetClientChannel(broker: BrokerState, peer: string): void {
  delete broker.clientChannels[peer];
}

/** IdleStateHandler's look at the client's channel (idle-state-handler.ts): its last activity when idle for the whole period, else null. */
export function clientIdleSince(state: ModelState, broker: BrokerState, check: ClientChannelIdleCheck, sim: Sim): number | null {
  const again = { kind: 'broker.channelIdleCheck', ...check } as const;
  return idleSince(broker.clientChannels[check.peer], check.openedAt, state.config.serverChannelMaxIdleTimeMs, sim, again);
}

/** The client channels idle for the whole period by now (a scan at the instant of their idle close runs it first, see consumer-manager.ts). */
export function idleClientChannels(state: ModelState, broker: BrokerState, now: number): string[] {
  const idleMs = state.config.serverChannelMaxIdleTimeMs;
  if (idleMs === 0) return [];
  return Object.entries(broker.clientChannels).filter(([, channel]) => channel.lastActivity + idleMs <= now).map(([peer]) => peer);
}
