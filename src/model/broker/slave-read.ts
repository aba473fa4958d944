/**
 * PullMessageProcessor.rejectRequest (5.x): a slave without slaveReadEnable refuses every pull, and
 * NettyRemotingAbstract.processRequestCommand answers SYSTEM_BUSY before the processor runs (no
 * read, no held pull, no offset committed). The consumer's pull callback takes it as an exception
 * and pulls again after pullTimeDelayMillsWhenException, so a brokerName whose master is gone is
 * not consumed until the master is back. 4.9.8's rejectRequest is always false: its slave serves.
 * A module of its own: the page asks it too, to say who serves a brokerName's reads.
 */
import type { BrokerState, ModelState } from '../state.ts';

export function rejectsPulls(state: Pick<ModelState, 'config'>, broker: Pick<BrokerState, 'role' | 'slaveReadEnable'>): boolean {
  return broker.role === 'SLAVE' && !broker.slaveReadEnable && state.config.rocketmqVersion !== '4.x';
}
