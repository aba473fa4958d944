/**
 * SlaveSynchronize: a slave copies its master's topic table, consumer offsets and delay offsets
 * (and RocketMQ also subscription groups) over remoting, so that clients that fall back to it
 * after the master is gone find the topics and the offsets, and so that, made master, it goes on
 * delivering delayed messages about where its master was. The delay offsets come back with the
 * consumer offsets (RocketMQ asks GET_ALL_DELAY_OFFSET in the same syncAll round). 4.x runs it every 10 s from 3 s
 * after start; 5.x looks every 3 s and runs it when more than 60 s have passed since the last.
 * The master it asks is the one its last NameServer registration named (none while the master
 * is not registered).
 */
import { copyDict } from '../../engine/index.ts';
import { invoke } from '../remoting.ts';
import type { RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState, PendingRequest } from '../state.ts';
import { updateTopicConfig } from './topic-config-manager.ts';
import { copyOffsetTable, persistOffsets } from './consumer-offset-manager.ts';

export function startSlaveSynchronize(state: ModelState, slave: BrokerState, sim: Sim): void {
  sim.after(state.config.slaveSyncInitialDelayMs, { kind: 'broker.slaveSync', broker: slave.node, epoch: slave.epoch });
}

export function onSlaveSyncTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const slave = state.brokers[event.broker];
  if (!slave || slave.status !== 'running' || slave.epoch !== event.epoch) return;
  const master = slave.syncMasterAddr === null ? undefined : state.addrNodes[slave.syncMasterAddr];
  if (master !== undefined && sim.now - slave.lastSlaveSyncAt > state.config.slaveSyncMinIntervalMs) {
    slave.lastSlaveSyncAt = sim.now;
    invoke(sim, slave.node, master, { code: 'GET_ALL_TOPIC_CONFIG' }, state.config.mqClientApiTimeoutMs);
    invoke(sim, slave.node, master, { code: 'GET_ALL_CONSUMER_OFFSET' }, state.config.mqClientApiTimeoutMs);
  }
  sim.after(state.config.slaveSyncCheckIntervalMs, { kind: 'broker.slaveSync', broker: slave.node, epoch: slave.epoch });
}

/** The master's side (AdminBrokerProcessor): copies, never the live tables. */
export function answerSlaveSync(master: BrokerState, request: RequestOf<'GET_ALL_TOPIC_CONFIG' | 'GET_ALL_CONSUMER_OFFSET'>): RemotingResponse {
  if (request.code === 'GET_ALL_TOPIC_CONFIG') return { code: 'SUCCESS', topicConfigTable: copyDict(master.topicConfigTable) };
  return { code: 'SUCCESS', offsetTable: copyOffsetTable(master.consumerOffsetTable), delayOffsetTable: copyDict(master.delayOffsetTable) };
}

/** syncTopicConfig / syncConsumerOffset / syncDelayOffset: the master's entries replace the slave's. */
export function onSlaveSyncResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse): void {
  const slave = state.brokers[pending.from];
  if (!slave || slave.status !== 'running' || response.code !== 'SUCCESS') return;
  for (const config of Object.values(response.topicConfigTable ?? {})) updateTopicConfig(slave, config);
  for (const [group, offsets] of Object.entries(response.offsetTable ?? {})) {
    slave.consumerOffsetTable[group] = Object.assign(copyDict(slave.consumerOffsetTable[group] ?? {}), offsets);
  }
  // syncConsumerOffset persists at once.
  if (response.offsetTable) persistOffsets(slave);
  if (response.delayOffsetTable) slave.delayOffsetTable = Object.assign(copyDict(slave.delayOffsetTable), response.delayOffsetTable);
}

/** RegisterBrokerResult on a slave: the HA address is kept when none comes back, the sync master is not. */
export function onSlaveRegistered(state: ModelState, pending: PendingRequest, response: RemotingResponse): void {
  const slave = state.brokers[pending.from];
  if (!slave || slave.status !== 'running' || slave.role !== 'SLAVE' || response.code !== 'SUCCESS') return;
  // Controller mode: the slave's master is the controller's word (replicas-manager.ts), not the NameServer's.
  if (state.config.enableControllerMode) return;
  if (response.masterAddr !== undefined) slave.haMasterAddr = response.masterAddr;
  slave.syncMasterAddr = response.masterAddr ?? null;
}
