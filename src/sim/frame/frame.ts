/**
 * A frame: the view of time t that the simulation's worker sends the page after each move
 * (what the panels draw), made of changes since the last frame: the state as patches, the trace
 * events the page does not hold yet, and the summary. The worker's FrameSource makes them from
 * its Timeline; the page's FrameView (frame-view.ts) reads like the Timeline itself.
 */
import type { Timeline } from '../timeline.ts';
import { packPatches, type PackedPatches } from './packed-patches.ts';
import { TailPacker, type PackedTail } from './packed-tail.ts';
import { StateDiffer } from './state-diff.ts';
import { TailExtent } from './trace-tail.ts';
import { WireEncoder } from './wire.ts';

export interface Frame {
  timeMs: number;
  horizon: number;
  traceLength: number;
  /** The state's patches since the last frame (state-diff.ts), packed for the wire. */
  patches: PackedPatches;
  /**
   * The Summary, encoded for the wire (src/sim/frame/wire.ts), or undefined when this frame
   * does not bring one (summing up a large run costs more than a frame: the page keeps the last).
   */
  summary: unknown;
  /**
   * Trace events [from, traceLength), packed (packed-tail.ts): a few typed arrays and one short
   * JSON text cross to the page far cheaper than thousands of small objects cloned one by one,
   * or than the events' whole JSON.
   */
  trace: { from: number; events: PackedTail };
  previousTraceTime: number;
}

export class FrameSource {
  private readonly encoder = new WireEncoder();
  private readonly differ = new StateDiffer(this.encoder);
  /** What the page's tail holds (frame-view.ts): the events it lacks are the frame's. */
  private readonly tail = new TailExtent();

  /** The frame of the Timeline's current time; with its summary unless `withSummary` is false. */
  frameOf(timeline: Timeline, withSummary = true): Frame {
    this.encoder.startMessage();
    const length = timeline.traceLength;
    const from = this.tail.fromFor(length);
    const events = new TailPacker();
    timeline.traceInto(events, from, length);
    this.tail.apply(from, length);
    return {
      timeMs: timeline.now,
      horizon: timeline.horizon,
      traceLength: length,
      patches: packPatches(this.differ.diff(timeline.state)),
      summary: withSummary ? this.encoder.encode(timeline.summary()) : undefined,
      trace: { from, events: events.packed() },
      previousTraceTime: timeline.previousTraceTime(),
    };
  }
}
