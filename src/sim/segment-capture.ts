/**
 * A seek that replays a segment not kept unpacked (dropped, or only packed) records its events
 * on the way: the panels read that segment next and would otherwise replay or unpack it. The
 * capture holds the segment's events up to the current time; once the run has passed the
 * segment's end, the whole segment goes to the cache.
 */
import type { TraceEvent } from '../model/events.ts';
import type { Checkpoint, Checkpoints } from './checkpoints.ts';
import type { TraceSegments } from './trace-segments.ts';

type CaptureState = { recording: false } | { recording: true; k: number; events: TraceEvent[] };

const IDLE: CaptureState = { recording: false };

export class SegmentCapture {
  private state: CaptureState = IDLE;

  constructor(private readonly checkpoints: Checkpoints, private readonly segments: TraceSegments) {}

  /** The events of segment k up to now, when it is the one being captured. */
  eventsOf(k: number): TraceEvent[] | undefined {
    return this.state.recording && this.state.k === k ? this.state.events : undefined;
  }

  /**
   * After a restore to `start`: from a checkpoint (nothing of its segment run yet) a new capture
   * starts; from a fine snapshot, an earlier capture of the same segment is cut back to what the
   * snapshot has run. Only a segment simulated to its end and not kept unpacked is captured.
   */
  restart(start: Checkpoint): void {
    const k = this.checkpoints.segmentOfTime(start.now + 1);
    if (this.segments.isUnpacked(k) || !this.checkpoints.isComplete(k)) {
      this.state = IDLE;
      return;
    }
    const kept = start.traceCount - this.checkpoints.at(k).traceCount;
    const state = this.state;
    if (kept === 0) this.state = { recording: true, k, events: [] };
    else if (state.recording && state.k === k && state.events.length >= kept) state.events.length = kept;
    else this.state = IDLE;
  }

  /** A replayed event (they come in time order): an event of the next segment completes this one. */
  record(event: TraceEvent): void {
    const state = this.state;
    if (!state.recording) return;
    const k = this.checkpoints.segmentOfTime(event.t);
    if (k !== state.k) {
      this.segments.put(state.k, state.events);
      // A replay running on into a segment not kept unpacked captures that one too.
      this.state = k === state.k + 1 && !this.segments.isUnpacked(k) ? { recording: true, k, events: [] } : IDLE;
    }
    if (this.state.recording) this.state.events.push(event);
  }

  /** Once the run stands at or past the captured segment's end, the segment is whole: cache it. */
  completeBy(now: number): void {
    const state = this.state;
    if (!state.recording || now < this.checkpoints.segmentEnd(state.k)) return;
    this.segments.put(state.k, state.events);
    this.state = IDLE;
  }
}
