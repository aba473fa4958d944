/**
 * The page's view of a run whose Timeline lives in the simulation's worker: the latest frame,
 * read like the Timeline itself (a TimelineView), so panels do not know where the run is. The
 * trace before the tail the page holds is read in the worker, through named queries.
 */
import type { TraceEvent } from '../../model/events.ts';
import type { Scenario } from '../../model/spec.ts';
import type { ModelState } from '../../model/state.ts';
import type { Summary } from '../summary.ts';
import type { TimelineView } from '../timeline.ts';
import type { Frame } from './frame.ts';
import { unpackPatches } from './packed-patches.ts';
import { unpackTail } from './packed-tail.ts';
import { StateMirror } from './state-mirror.ts';
import { TraceTail } from './trace-tail.ts';
import { WireDecoder } from './wire.ts';

export class FrameView implements TimelineView {
  readonly scenario: Scenario;
  private readonly decoder = new WireDecoder();
  private readonly mirror = new StateMirror<ModelState>(this.decoder);
  private readonly tail = new TraceTail();
  private latest: Omit<Frame, 'patches' | 'trace' | 'summary'> | null = null;
  /**
   * The latest summary as it came off the wire, decoded when first read: frames arrive up to
   * sixty times a second while playing, the panels that read the summary refresh ten times a
   * second, and decoding a large run's summary (640 queues, 100 clients) costs the page about as
   * much as applying the frame's patches.
   */
  private summaryWire: { encoded: unknown; decoded: Summary | null } | null = null;
  /** The time of the frame that brought the latest summary (a play move's frames bring none). */
  private summaryTime = 0;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
  }

  /** Whether a frame has arrived: before that there is nothing to draw. */
  get ready(): boolean {
    return this.latest !== null;
  }

  receive(frame: Frame): void {
    this.mirror.apply(unpackPatches(frame.patches));
    this.tail.apply(frame.trace.from, unpackTail(frame.trace.events), frame.traceLength);
    this.latest = {
      timeMs: frame.timeMs,
      horizon: frame.horizon,
      traceLength: frame.traceLength,
      previousTraceTime: frame.previousTraceTime,
    };
    if (frame.summary !== undefined || !this.summaryWire) {
      this.summaryWire = { encoded: frame.summary, decoded: null };
      this.summaryTime = frame.timeMs;
    }
  }

  private get frame(): NonNullable<FrameView['latest']> {
    if (!this.latest) throw new Error('The run has not sent its first frame yet.');
    return this.latest;
  }

  get now(): number {
    return this.latest?.timeMs ?? 0;
  }

  get durationMs(): number {
    return this.scenario.durationMs;
  }

  get horizon(): number {
    return this.latest?.horizon ?? 0;
  }

  get state(): Readonly<ModelState> {
    return this.mirror.state;
  }

  get traceLength(): number {
    return this.latest?.traceLength ?? 0;
  }

  /** The first trace index the page holds: earlier events are read through queries. */
  get traceStart(): number {
    return this.tail.start;
  }

  traceAt(index: number): TraceEvent | undefined {
    return index < this.traceLength ? this.tail.at(index) : undefined;
  }

  traceSlice(from: number, to = this.traceLength): TraceEvent[] {
    return this.tail.slice(from, Math.min(to, this.traceLength));
  }

  /**
   * Unknown on the page: a step forward is the worker's move (it finds the next event there).
   * Peeking in the worker would replay the whole trace segment after a far seek, for every frame.
   */
  peekNextTraceTime(): number | undefined {
    return undefined;
  }

  previousTraceTime(): number {
    return this.frame.previousTraceTime;
  }

  /** The time summary() is of: the latest settled frame's, which is behind `now` while a run plays (docs/worker.md, A frame). */
  get summaryMs(): number {
    return this.summaryTime;
  }

  /** None: the checkpoints stay in the worker, where the queries that read them run. */
  checkpointStateAt(): undefined {
    return undefined;
  }

  summary(): Summary {
    const wire = this.summaryWire;
    if (!wire) throw new Error('The run has not sent its first frame yet.');
    wire.decoded ??= this.decoder.decode(wire.encoded, new Map<object, unknown>()) as Summary;
    return wire.decoded;
  }
}
