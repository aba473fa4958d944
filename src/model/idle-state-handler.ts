/**
 * Netty's IdleStateHandler(0, 0, allIdleTime), which both of RocketMQ's remoting servers put in
 * their pipeline (NettyRemotingServer): the NameServer's look at its broker channels
 * (nameserver/channel-idle.ts) and a broker's at its client channels (broker/client-channel-idle.ts).
 */
import type { ModelEvent } from './events.ts';
import type { Sim } from './sim-types.ts';

/** A server's side of a channel: when it opened, and when it last read or wrote. */
export interface IdleChannel {
  openedAt: number;
  lastActivity: number;
}

/**
 * The timer's look at `channel`, the one opened at `openedAt`: its last activity when it has been
 * idle for the whole period (the caller closes it), or null, after scheduling `again` for when it
 * would be; null too for a channel gone or opened since (a check for an earlier one).
 */
export function idleSince(channel: IdleChannel | undefined, openedAt: number, idleMs: number, sim: Sim, again: ModelEvent): number | null {
  if (!channel || channel.openedAt !== openedAt) return null;
  const idleAt = channel.lastActivity + idleMs;
  if (idleAt <= sim.now) return channel.lastActivity;
  sim.after(idleAt - sim.now, again);
  return null;
}
