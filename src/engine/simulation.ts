import { AppendLog } from './append-log.ts';
import { cloneState, cloneStateSharing } from './clone.ts';
import { EventQueue, type EventQueueSnapshot } from './event-queue.ts';
import { Network, createNetworkState, type Delivery, type LinkLatency, type NetEvent, type NetworkState } from './network.ts';
import { Rng, type RngState } from './rng.ts';

/** Every event is plain data with a `kind`; handlers are looked up by it. */
export interface EngineEvent {
  kind: string;
}

export type HandlerTable<S, E extends EngineEvent, M extends object, T, W = never> = {
  [K in (E | NetEvent<M>)['kind']]: (state: S, event: Extract<E | NetEvent<M>, { kind: K }>, sim: Simulation<S, E, M, T, W>) => void;
};

type Handler<S, E extends EngineEvent, M extends object, T, W> = (state: S, event: E | NetEvent<M>, sim: Simulation<S, E, M, T, W>) => void;

export interface SimulationOptions<S, E extends EngineEvent, M extends object, T, W = never> {
  state: S;
  handlers: HandlerTable<S, E, M, T, W>;
  seed: number;
  latency: LinkLatency;
  /** Called for every trace event as it happens (the headless runner streams with it). */
  onTrace?: (event: T) => void;
  /** Keep the trace in memory (simulate() and the page do; the streaming runner does not). */
  keepTrace?: boolean;
  /**
   * Takes the trace events a model hands over as values instead of objects (writerOfNext), the
   * way onTrace takes them: the runner writes their bytes, a Timeline packs them. Not with a kept
   * trace, which holds objects.
   */
  writer?: W;
  /**
   * Hears each delivery the network swallowed on arrival, its receiver having died or been cut
   * off while it was on the way (the model learns what became of a message nobody answers).
   */
  onUndelivered?: (state: S, delivery: Delivery<M>, sim: Simulation<S, E, M, T, W>) => void;
}

export interface Snapshot<S, E, T> {
  readonly now: number;
  readonly queue: EventQueueSnapshot<E>;
  readonly rng: RngState;
  readonly network: NetworkState;
  readonly state: S;
  readonly trace: AppendLog<T>;
  readonly traceCount: number;
  readonly eventsHandled: number;
}

/**
 * The discrete-event loop: a virtual clock in integer milliseconds, events ordered by (time,
 * sequence), one seeded PRNG, a network, and a trace. The only way to make something happen
 * later is schedule(); the only way time moves is step() or runUntil().
 */
export class Simulation<S, E extends EngineEvent, M extends object, T, W = never> {
  now = 0;
  state: S;
  readonly rng: Rng;
  readonly net: Network<M>;
  trace: AppendLog<T>;
  /** Trace events emitted so far, also when the trace is not kept. */
  traceCount = 0;
  /** Events handled so far (for benchmarks and the page's status line). */
  eventsHandled = 0;
  private readonly queue = new EventQueue<E | NetEvent<M>>();
  /**
   * The handler table by kind as a Map: one lookup by the kind's string, where an object's
   * property read by a key that changes with every event goes through V8's megamorphic cache.
   */
  private readonly handlers: Map<string, Handler<S, E, M, T, W>>;
  /** The handler of net.deliver, more than half of all events: called without the lookup. */
  private readonly onDeliver: Handler<S, E, M, T, W>;
  private readonly onTrace: ((event: T) => void) | undefined;
  private readonly onUndelivered: SimulationOptions<S, E, M, T, W>['onUndelivered'];
  private readonly keepTrace: boolean;
  private readonly writer: W | null;

  constructor(options: SimulationOptions<S, E, M, T, W>) {
    if (options.writer !== undefined && options.keepTrace !== false) throw new Error('a trace writer takes no objects: keepTrace must be false');
    this.state = options.state;
    this.handlers = new Map(Object.entries(options.handlers));
    this.onDeliver = this.handlers.get('net.deliver')!;
    this.rng = new Rng(options.seed);
    this.onTrace = options.onTrace;
    this.onUndelivered = options.onUndelivered;
    this.keepTrace = options.keepTrace ?? true;
    this.writer = options.writer ?? null;
    this.trace = new AppendLog<T>();
    this.net = new Network<M>(createNetworkState(options.latency), this.rng, (at, ev) => this.schedule(at, ev), () => this.now);
  }

  schedule(at: number, event: E | NetEvent<M>): void {
    if (!(at >= this.now)) throw new Error(`cannot schedule ${event.kind} at ${at}, before now (${this.now})`);
    this.queue.push(at, event);
  }

  after(delayMs: number, event: E | NetEvent<M>): void {
    this.schedule(this.now + delayMs, event);
  }

  /** When set, receives the trace instead of onTrace (a timeline replaying a dropped segment). */
  onTraceOverride: ((event: T) => void) | null = null;

  emit(event: T): void {
    this.traceCount++;
    if (this.keepTrace) this.trace.append(event);
    if (this.onTraceOverride) this.onTraceOverride(event);
    else this.onTrace?.(event);
  }

  /**
   * The writer to hand the next trace event to as values, that event counted; null when it must
   * go to emit() as an object: no writer, or an override listening (it takes objects).
   */
  writerOfNext(): W | null {
    if (this.writer === null || this.onTraceOverride !== null) return null;
    this.traceCount++;
    return this.writer;
  }

  /** Time of the next pending event, or Infinity. */
  peekTime(): number {
    return this.queue.peekTime();
  }

  /** Visits every event still to run, in no particular order; it must not schedule anything. */
  forEachPending(visit: (event: E | NetEvent<M>) => void): void {
    this.queue.forEach(visit);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Runs exactly one event; false when none is left. */
  step(): boolean {
    const event = this.queue.pop();
    if (event === undefined) return false;
    this.now = this.queue.lastTime;
    this.dispatch(event);
    return true;
  }

  /** Runs every event at or before t, then sets the clock to t. */
  runUntil(t: number): void {
    const queue = this.queue;
    for (let event = queue.popUntil(t); event !== undefined; event = queue.popUntil(t)) {
      this.now = queue.lastTime;
      this.dispatch(event);
    }
    if (t > this.now) this.now = t;
  }

  private dispatch(event: E | NetEvent<M>): void {
    this.eventsHandled++;
    const kind = event.kind;
    if (kind === 'net.deliver') {
      const delivery = event as Delivery<M>;
      // A message still in flight when its receiver died or was cut off is simply gone.
      if (this.net.canDeliver(delivery.from, delivery.to)) this.onDeliver(this.state, event, this);
      else this.onUndelivered?.(this.state, delivery, this);
      return;
    }
    this.handlers.get(kind)!(this.state, event, this);
  }

  /** A copy of the run now; parts equal to `previous`'s (an earlier snapshot) are taken from it (cloneStateSharing). */
  snapshot(previous?: Snapshot<S, E | NetEvent<M>, T>): Snapshot<S, E | NetEvent<M>, T> {
    this.net.pruneArrivals();
    return {
      now: this.now,
      queue: this.queue.snapshot(),
      rng: this.rng.getState(),
      network: previous ? cloneStateSharing(this.net.state, previous.network) : cloneState(this.net.state),
      state: previous ? cloneStateSharing(this.state, previous.state) : cloneState(this.state),
      trace: this.trace.clone(),
      traceCount: this.traceCount,
      eventsHandled: this.eventsHandled,
    };
  }

  /** Puts the run back exactly where the snapshot was taken; the snapshot stays reusable. */
  restore(snapshot: Snapshot<S, E | NetEvent<M>, T>): void {
    this.now = snapshot.now;
    this.queue.restore(snapshot.queue, snapshot.now);
    this.rng.setState(snapshot.rng);
    this.net.state = cloneState(snapshot.network);
    this.state = cloneState(snapshot.state);
    this.trace = snapshot.trace.clone();
    this.traceCount = snapshot.traceCount;
    this.eventsHandled = snapshot.eventsHandled;
  }
}
