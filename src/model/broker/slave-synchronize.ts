/**
 * SlaveSynchronize: a slave copies its master's topic table, consumer offsets and delay offsets
 * (and RocketMQ also subscription groups) over remoting, so that clients that fall back to it
 * after the master is gone find the topics and the offsets, and so that, made master, it goes on
 * delivering delayed messages about where its master was. The delay offsets come back with the
 * consumer offsets (RocketMQ asks GET_ALL_DELAY_OFFSET in the same syncAll round). 4.9.8's
 * BrokerController runs syncAll every 10 s from 3 s after start. 5.3.3's looks every 3 s from 10 s
 * after start and runs it only when more than 60 s have passed since lastSyncTimeMs, which the
 * BrokerController sets when it is built (a restart builds a new one) and after every syncAll, one
 * that did nothing for want of a master too: a 5.x slave first syncs about 61 s after it starts.
 * In controller mode ReplicasManager runs its own: every 3 s from 3 s, once more than 10 s have
 * passed since its own lastSyncTimeMs (ReplicasManager.handleSlaveSynchronize; the model starts it
 * with the broker, where RocketMQ starts it when the controller makes the broker a slave).
 * The master it asks is the one its last NameServer registration named (none while the master
 * is not registered): syncTopicConfig and syncConsumerOffset then return without asking.
 */
import { copyDict } from '../../engine/index.ts';
import { invoke } from '../remoting.ts';
import type { RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { SimConfig } from '../defaults.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState, PendingRequest } from '../state.ts';
import { updateTopicConfig } from './topic-config-manager.ts';
import { copyOffsetTable, persistOffsets } from './consumer-offset-manager.ts';

/** ReplicasManager.handleSlaveSynchronize (controller mode): scheduleAtFixedRate(..., 3 s, 3 s), syncAll past 10 s since the last (literals). */
const REPLICAS_MANAGER_SYNC = { initialDelayMs: 3_000, checkIntervalMs: 3_000, minIntervalMs: 10_000 };

/** The schedule this broker's SlaveSynchronize runs on: BrokerController's (by version) or, in controller mode, ReplicasManager's. */
function syncSchedule(config: SimConfig): typeof REPLICAS_MANAGER_SYNC {
  if (config.enableControllerMode) return REPLICAS_MANAGER_SYNC;
  return { initialDelayMs: config.slaveSyncInitialDelayMs, checkIntervalMs: config.slaveSyncCheckIntervalMs, minIntervalMs: config.slaveSyncMinIntervalMs };
}

export function startSlaveSynchronize(state: ModelState, slave: BrokerState, sim: Sim): void {
  // lastSyncTimeMs = System.currentTimeMillis() when the BrokerController (ReplicasManager) is built.
  slave.lastSlaveSyncAt = sim.now;
  sim.after(syncSchedule(state.config).initialDelayMs, { kind: 'broker.slaveSync', broker: slave.node, epoch: slave.epoch });
}

export function onSlaveSyncTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const slave = state.brokers[event.broker];
  if (!slave || slave.status !== 'running' || slave.epoch !== event.epoch) return;
  const schedule = syncSchedule(state.config);
  // A controller-mode master has no sync task (ReplicasManager cancels it): its clock stands still.
  if (slave.role === 'SLAVE' && sim.now - slave.lastSlaveSyncAt > schedule.minIntervalMs) {
    // syncAll, then lastSyncTimeMs = now: the clock moves even when no master is known to ask.
    slave.lastSlaveSyncAt = sim.now;
    syncAll(state, slave, sim);
  }
  sim.after(schedule.checkIntervalMs, { kind: 'broker.slaveSync', broker: slave.node, epoch: slave.epoch });
}

/** SlaveSynchronize.syncAll: each sync asks the master it knows, or nothing when it knows none. */
function syncAll(state: ModelState, slave: BrokerState, sim: Sim): void {
  const master = slave.syncMasterAddr === null ? undefined : state.addrNodes[slave.syncMasterAddr];
  if (master === undefined) return;
  invoke(sim, slave.node, master, { code: 'GET_ALL_TOPIC_CONFIG' }, state.config.mqClientApiTimeoutMs);
  invoke(sim, slave.node, master, { code: 'GET_ALL_CONSUMER_OFFSET' }, state.config.mqClientApiTimeoutMs);
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
