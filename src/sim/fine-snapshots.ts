/**
 * Finer snapshots inside the segment the playhead is in: FINE_STEPS per segment, taken while a
 * seek replays through it, so stepping back one event at a time replays a fraction of a segment
 * rather than all of it. Only one segment has them at a time: moving to another starts afresh.
 */
import type { Sim } from '../model/sim-types.ts';
import type { Checkpoint, Checkpoints } from './checkpoints.ts';

/** Fine snapshots per segment around the playhead. */
const FINE_STEPS = 8;

export class FineSnapshots {
  /** The segment whose fine snapshots these are (-1: none yet; no segment has that index). */
  private segment = -1;
  /** Snapshot j (1 to FINE_STEPS - 1) is the state at the segment's start + j·stepMs. */
  private snapshots: Checkpoint[] = [];
  private readonly stepMs: number;

  constructor(private readonly checkpoints: Checkpoints) {
    this.stepMs = Math.max(1, Math.floor(checkpoints.everyMs / FINE_STEPS));
  }

  /** The latest fine snapshot at or before target in segment k, if there is one. */
  latestAtOrBefore(k: number, target: number): Checkpoint | undefined {
    if (k !== this.segment) return undefined;
    const base = k * this.checkpoints.everyMs;
    for (let j = Math.min(FINE_STEPS - 1, Math.floor((target - base) / this.stepMs)); j >= 1; j--) {
      const snapshot = this.snapshots[j];
      if (snapshot) return snapshot;
    }
    return undefined;
  }

  /** Replays `sim` towards target, snapshotting at each fine step of the target's segment on the way. */
  replayToward(sim: Sim, target: number): void {
    const k = Math.floor(target / this.checkpoints.everyMs);
    // Past the last checkpoint the run is new: the first pass simulates it and takes its checkpoints.
    if (k >= this.checkpoints.count) return;
    if (k !== this.segment) {
      this.segment = k;
      this.snapshots = [];
    }
    const base = k * this.checkpoints.everyMs;
    for (let j = Math.floor((sim.now - base) / this.stepMs) + 1; j < FINE_STEPS && base + j * this.stepMs < target; j++) {
      sim.runUntil(base + j * this.stepMs);
      this.snapshots[j] ??= sim.snapshot();
    }
  }
}
