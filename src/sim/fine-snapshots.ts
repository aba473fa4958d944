/**
 * Finer snapshots inside the segment the playhead is in: FINE_STEPS per segment, so stepping
 * back one event at a time replays a fraction of a segment rather than all of it. Only one
 * segment has them at a time: moving to another starts afresh.
 *
 * A seek that arrives from elsewhere takes none: each costs a copy of the whole model state
 * (about 9 ms for 640 queues and 100 clients), and most seeks are never followed by a step back.
 * The first replay back inside that segment (a step back) takes only the last fine snapshot
 * before its target; once the playhead moves about inside the segment, a replay takes every fine
 * snapshot on its way.
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

  /** Replays `sim` towards target, snapshotting at the fine steps of the target's segment on the way (see above: which). */
  replayToward(sim: Sim, target: number): void {
    const k = Math.floor(target / this.checkpoints.everyMs);
    // Past the last checkpoint the run is new: the first pass simulates it and takes its checkpoints.
    if (k >= this.checkpoints.count) return;
    if (k !== this.segment) {
      this.segment = k;
      this.snapshots = [];
      return;
    }
    const base = k * this.checkpoints.everyMs;
    const last = Math.min(FINE_STEPS - 1, Math.ceil((target - base) / this.stepMs) - 1);
    const first = this.snapshots.length === 0 ? last : Math.floor((sim.now - base) / this.stepMs) + 1;
    for (let j = Math.max(1, first); j <= last; j++) {
      sim.runUntil(base + j * this.stepMs);
      this.snapshots[j] ??= sim.snapshot();
    }
  }
}
