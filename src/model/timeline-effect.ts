/**
 * Whether a timeline action changes anything at the moment it runs: a start of a running process,
 * a crash or shutdown of one that is down, a heal of what is not cut, an action on a client that
 * is not running. Such an action is traced with `noEffect` (docs/trace.md) and not applied: the
 * trace says it ran and changed nothing. Each rule reads the state the action's handler
 * (timeline.ts) would test; an updateTopic is mqadmin's, whose refusal is its own event
 * (topic.updateFailed). A wipeWritePerm or addWritePerm changes nothing when every NameServer it
 * calls is up and already has the perm it would set.
 */
import { linkKey } from '../engine/index.ts';
import { brokerKey } from './broker/broker.ts';
import { MASTER_ID } from './defaults.ts';
import { writePermNameServers } from './mqadmin.ts';
import { writePermAfter } from './nameserver/route-info-manager.ts';
import type { Sim } from './sim-types.ts';
import type { TimelineAction } from './spec.ts';
import type { ClientState, ModelState } from './state.ts';

export function changesNothing(state: ModelState, action: TimelineAction, sim: Sim): boolean {
  switch (action.action) {
    case 'crashBroker': case 'powerOffBroker': case 'shutdownBroker':
      return brokerStatus(state, action) !== 'running';
    case 'startBroker':
      return brokerStatus(state, action) === 'running';
    case 'partitionBroker': case 'healPartition':
      return state.brokers[brokerNode(action)]?.partitioned === (action.action === 'partitionBroker');
    case 'crashNameServer':
      return !nameServerUp(state, action.target);
    case 'startNameServer':
      return nameServerUp(state, action.target);
    case 'partitionLink': case 'healLink':
      return linkCut(state, action.target, action.peer, sim) === (action.action === 'partitionLink');
    case 'removeConsumer': case 'removeProducer': {
      // A hung process runs no shutdown: only a running one does (shutdownConsumer); one not started yet is never started (cancelledStartAt).
      const client = state.clients[action.target];
      return client === undefined || (client.status !== 'running' && !startPending(client));
    }
    case 'hangConsumer':
      return state.clients[action.target]?.status !== 'running';
    case 'setProducerRate': {
      // The rate it already sends at: setProducerRate would only restart its schedule from now, a shift no operator asked for.
      const client = state.clients[action.target];
      return client?.status !== 'running' || (client.kind === 'producer' && client.ratePerSec === action.ratePerSec);
    }
    case 'crashConsumer': {
      const status = state.clients[action.target]?.status;
      return status !== 'running' && status !== 'hung';
    }
    case 'addConsumer': case 'addProducer': case 'updateTopic':
      return false;
    case 'wipeWritePerm': case 'addWritePerm':
      return !writePermChanges(state, action);
  }
}

/**
 * A client whose start is still to come: an initial one before its startAt, or one an addConsumer
 * or addProducer added with a later startAt (timeline.ts startAddedClient). Only its start counts
 * its epoch up (mq-client-instance.ts startClientInstance), so 'stopped' at epoch 0 is one that
 * never ran; a crash or hang of it changes nothing (there is no process yet) and it still starts.
 */
export function startPending(client: ClientState): boolean {
  return client.status === 'stopped' && client.epoch === 0;
}

/**
 * The time a removal cancels its client's start at (docs/trace.md `cancelsStartAt`): a client
 * removed before it starts is one the operator never deploys, so it never runs. null for any
 * other action, or a client that has started.
 */
export function cancelledStartAt(state: ModelState, action: TimelineAction): number | null {
  if (action.action !== 'removeConsumer' && action.action !== 'removeProducer') return null;
  const client = state.clients[action.target];
  return client !== undefined && startPending(client) ? client.spec.startAt : null;
}

/**
 * Whether mqadmin wipeWritePerm / addWritePerm would change a perm on a NameServer it calls, or
 * fail on one that is down (the command's "Failed" is traced: mqadmin.ts writePermCommand).
 */
function writePermChanges(state: ModelState, action: Extract<TimelineAction, { action: 'wipeWritePerm' | 'addWritePerm' }>): boolean {
  const wipe = action.action === 'wipeWritePerm';
  return writePermNameServers(state, action).some((id) => {
    const nameServer = state.nameServers[id];
    if (!nameServer?.up) return nameServer !== undefined;
    return Object.values(nameServer.topicQueueTable).some((queueDataMap) => {
      const queueData = queueDataMap[action.target];
      return queueData !== undefined && writePermAfter(queueData.perm, wipe) !== queueData.perm;
    });
  });
}

/** The broker process an action names: brokerName and the brokerId it was declared with (timeline.ts brokersOf). */
function brokerNode(action: { target: string; brokerId?: number }): string {
  return brokerKey(action.target, action.brokerId ?? MASTER_ID);
}

function brokerStatus(state: ModelState, action: { target: string; brokerId?: number }): string | undefined {
  return state.brokers[brokerNode(action)]?.status;
}

/** A NameServer's process, or a standalone controller's (timeline.ts crashes and starts either by id). */
function nameServerUp(state: ModelState, id: string): boolean {
  const nameServer = state.nameServers[id];
  if (nameServer) return nameServer.up;
  return state.controllers[id]?.up === true;
}

/** A link partitionLink cut and healLink did not mend (linkNode: a brokerName is its master's node). */
function linkCut(state: ModelState, target: string, peer: string, sim: Sim): boolean {
  return sim.net.state.blocked[linkKey(linkNode(state, target), linkNode(state, peer))] === true;
}

/**
 * The network node a link names: a NameServer or client by id, a broker by brokerName (its
 * master, as for the other broker actions: the node of a broker is "brokerName/brokerId").
 */
export function linkNode(state: ModelState, name: string): string {
  if (state.nameServers[name] || state.clients[name]) return name;
  return state.brokers[brokerKey(name, MASTER_ID)]?.node ?? name;
}
