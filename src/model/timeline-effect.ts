/**
 * Whether a timeline action changes anything at the moment it runs: a start of a running process,
 * a crash or shutdown of one that is down, a heal of what is not cut, an action on a client that
 * is not running. Such an action is traced with `noEffect` (docs/trace.md) and not applied: the
 * trace says it ran and changed nothing. Each rule reads the state the action's handler
 * (timeline.ts) would test; an updateTopic is mqadmin's, whose refusal is its own event
 * (topic.updateFailed).
 */
import { linkKey } from '../engine/index.ts';
import { brokerKey } from './broker/broker.ts';
import { MASTER_ID } from './defaults.ts';
import type { Sim } from './sim-types.ts';
import type { TimelineAction } from './spec.ts';
import type { ModelState } from './state.ts';

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
    case 'removeConsumer': case 'removeProducer': case 'hangConsumer': case 'setProducerRate':
      // A hung process runs no shutdown and takes no new rate: only a running one does (shutdownConsumer, setProducerRate).
      return state.clients[action.target]?.status !== 'running';
    case 'crashConsumer': {
      const status = state.clients[action.target]?.status;
      return status !== 'running' && status !== 'hung';
    }
    case 'addConsumer': case 'addProducer': case 'updateTopic':
      return false;
  }
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
