/**
 * A fluent driver for scenario tests: a version-1 scenario (docs/scenario.md) (JSON, validated and given every
 * default by validateScenario) run on the virtual clock, with readers for the trace and the
 * model state. Exact values only: time moves when a test says so, never by sleeping.
 *
 *   const sim = new TestSim(json).advance(30_000).crashBroker('broker-a').advance(10);
 *   expect(sim.events('broker.removed').map((e) => e.reason)).toEqual(['channelClosed']);
 */
import type { TraceEvent, TraceType } from '../../src/model/events.ts';
import { createSimulation } from '../../src/model/index.ts';
import type { Sim } from '../../src/model/sim-types.ts';
import type { Scenario, TimelineAction } from '../../src/model/spec.ts';
import type { BrokerState, ConsumerState, NameServerState, ProducerState, QueueData } from '../../src/model/state.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { summarize, type Summary } from '../../src/sim/summary.ts';
import { TraceHasher } from '../../src/sim/trace-hash.ts';

export type ScenarioJson = Record<string, unknown>;

export type EventOf<T extends TraceType> = Extract<TraceEvent, { type: T }>;

/** Either fields the event must have (compared with ===) or a predicate. */
export type EventFilter<T extends TraceType> = Partial<Omit<EventOf<T>, 'type'>> | ((event: EventOf<T>) => boolean);

/** What one NameServer knows: brokers by name, their addresses, and every topic's QueueData. */
export interface RouteView {
  brokers: string[];
  brokerAddrs: Record<string, Record<number, string>>;
  topics: Record<string, Record<string, QueueData>>;
  /** brokerName -> lastUpdateTimestamp of its master (brokerLiveTable). */
  lastUpdate: Record<string, number>;
}

/** Validates a scenario file's JSON and returns the normalized Scenario; throws with every problem listed. */
export function scenarioOf(json: ScenarioJson): Scenario {
  const result = validateScenario(json);
  if (!result.ok) throw new Error(`invalid test scenario:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return result.scenario;
}

/** Actions a test may apply at the current time, as a timeline entry would. */
type DirectAction = Exclude<TimelineAction, { action: 'addConsumer' | 'addProducer' }>;
type WithoutAt<A> = A extends unknown ? Omit<A, 'at'> : never;

export class TestSim {
  readonly scenario: Scenario;
  readonly sim: Sim;

  /** A scenario file's JSON, or `{ validated }` for a scenario that validateScenario already returned. */
  constructor(input: ScenarioJson | { validated: Scenario }) {
    this.scenario = 'validated' in input ? (input.validated as Scenario) : scenarioOf(input);
    this.sim = createSimulation(this.scenario);
  }

  get now(): number {
    return this.sim.now;
  }

  /** Runs every event up to now + ms. */
  advance(ms: number): this {
    this.sim.runUntil(this.sim.now + ms);
    return this;
  }

  /** Runs every event up to the absolute virtual time t (t must not be in the past). */
  at(t: number): this {
    if (t < this.sim.now) throw new Error(`at(${t}): the run is already at ${this.sim.now}`);
    this.sim.runUntil(t);
    return this;
  }

  /** Applies a timeline action now (it is traced as a `fault`, like one from the file). */
  act(action: WithoutAt<DirectAction>): this {
    this.sim.schedule(this.sim.now, { kind: 'timeline', action: { ...action, at: this.sim.now } as TimelineAction });
    this.sim.runUntil(this.sim.now);
    return this;
  }

  crashBroker(target: string, brokerId?: number): this {
    return this.act(brokerId === undefined ? { action: 'crashBroker', target } : { action: 'crashBroker', target, brokerId });
  }

  partitionBroker(target: string): this {
    return this.act({ action: 'partitionBroker', target });
  }

  healPartition(target: string): this {
    return this.act({ action: 'healPartition', target });
  }

  shutdownBroker(target: string): this {
    return this.act({ action: 'shutdownBroker', target });
  }

  crashNameServer(target: string): this {
    return this.act({ action: 'crashNameServer', target });
  }

  startNameServer(target: string): this {
    return this.act({ action: 'startNameServer', target });
  }

  /** mqadmin wipeWritePerm -b target [-n nameServers]. */
  wipeWritePerm(target: string, nameServers?: string[]): this {
    return this.act(nameServers === undefined ? { action: 'wipeWritePerm', target } : { action: 'wipeWritePerm', target, nameServers });
  }

  /** mqadmin addWritePerm -b target [-n nameServers]. */
  addWritePerm(target: string, nameServers?: string[]): this {
    return this.act(nameServers === undefined ? { action: 'addWritePerm', target } : { action: 'addWritePerm', target, nameServers });
  }

  // --- the trace ---

  /** Every trace event so far. */
  trace(): TraceEvent[] {
    return this.sim.trace.toArray();
  }

  /** The trace as JSON Lines, exactly as `npm run sim -- --trace` writes it. */
  traceLines(): string[] {
    return this.trace().map((event) => JSON.stringify(event));
  }

  events<T extends TraceType>(type: T, filter?: EventFilter<T>): EventOf<T>[] {
    const matches = typeof filter === 'function' ? filter : filter === undefined ? () => true : fieldsMatch(filter);
    return this.trace().filter((event): event is EventOf<T> => event.type === type && matches(event as EventOf<T>));
  }

  /** Times of the matching events. */
  times<T extends TraceType>(type: T, filter?: EventFilter<T>): number[] {
    return this.events(type, filter).map((event) => event.t);
  }

  first<T extends TraceType>(type: T, filter?: EventFilter<T>): EventOf<T> | undefined {
    return this.events(type, filter)[0];
  }

  last<T extends TraceType>(type: T, filter?: EventFilter<T>): EventOf<T> | undefined {
    return this.events(type, filter).at(-1);
  }

  // --- the model state ---

  nameServer(id: string): NameServerState {
    const ns = this.sim.state.nameServers[id];
    if (!ns) throw new Error(`no NameServer ${id}`);
    return ns;
  }

  /** What a NameServer holds now (RouteInfoManager's tables). */
  route(nameServerId: string): RouteView {
    const ns = this.nameServer(nameServerId);
    const lastUpdate: Record<string, number> = {};
    for (const live of Object.values(ns.brokerLiveTable)) if (live.brokerId === 0) lastUpdate[live.brokerName] = live.lastUpdateTimestamp;
    return {
      brokers: Object.keys(ns.brokerAddrTable).sort(),
      brokerAddrs: Object.fromEntries(Object.entries(ns.brokerAddrTable).map(([name, data]) => [name, { ...data.brokerAddrs }])),
      topics: ns.topicQueueTable,
      lastUpdate,
    };
  }

  broker(name: string, brokerId = 0): BrokerState {
    const broker = this.sim.state.brokers[`${name}/${brokerId}`];
    if (!broker) throw new Error(`no broker ${name}/${brokerId}`);
    return broker;
  }

  client(id: string): ProducerState | ConsumerState {
    const client = this.sim.state.clients[id];
    if (!client) throw new Error(`no client ${id}`);
    return client;
  }

  producer(id: string): ProducerState {
    const client = this.client(id);
    if (client.kind !== 'producer') throw new Error(`${id} is a consumer`);
    return client;
  }

  consumer(id: string): ConsumerState {
    const client = this.client(id);
    if (client.kind !== 'consumer') throw new Error(`${id} is a producer`);
    return client;
  }

  /** The summary (docs/summary.md) at the current time (traceHash over the trace so far). */
  summary(): Summary {
    const hasher = new TraceHasher();
    for (const line of this.traceLines()) hasher.addLine(line);
    return summarize(this.sim.state, this.sim.now, hasher.digest(), this.sim.traceCount);
  }
}

function fieldsMatch<T extends TraceType>(fields: Partial<Omit<EventOf<T>, 'type'>>): (event: EventOf<T>) => boolean {
  const entries = Object.entries(fields);
  return (event) => entries.every(([key, value]) => (event as Record<string, unknown>)[key] === value);
}

