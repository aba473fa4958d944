/**
 * The fine snapshots of the playhead's segment (src/sim/fine-snapshots.ts): a seek from
 * elsewhere copies no state, the first step back inside its segment takes the one fine snapshot
 * before its target, and the steps back after it start from there. Every move still gives the
 * state and trace of a straight run to its time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../../src/engine/simulation.ts';
import { createSimulation } from '../../../src/model/index.ts';
import { summarize } from '../../../src/sim/summary.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { scenarioOf } from '../../support/test-sim.ts';

const busy = scenarioOf({
  version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 40 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
});

/** What a run shows at its time: the summary of its state and its trace. */
interface Seen {
  summary: string;
  trace: string[];
}

function straight(t: number): Seen {
  const sim = createSimulation(busy);
  sim.runUntil(t);
  return { summary: JSON.stringify(summarize(sim.state, t, '', sim.traceCount)), trace: sim.trace.toArray().map((event) => JSON.stringify(event)) };
}

function seen(timeline: Timeline): Seen {
  return { summary: JSON.stringify(timeline.summary()), trace: timeline.traceSlice(0).map((event) => JSON.stringify(event)) };
}

describe('fine snapshots', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are taken on the first step back after a seek, not by the seek, and serve the steps after it', () => {
    // Checkpoints 8 s apart: fine snapshots every second.
    const timeline = new Timeline(busy, { checkpointEveryMs: 8_000 });
    timeline.seek(60_000);
    const snapshots = vi.spyOn(Simulation.prototype, 'snapshot');
    const restores = vi.spyOn(Simulation.prototype, 'restore');

    timeline.seek(21_500);
    expect(snapshots).not.toHaveBeenCalled();
    expect(seen(timeline)).toEqual(straight(21_500));

    // The first step back replays from checkpoint 2 (16 s) and keeps the state at 21 s on its way.
    timeline.seek(21_400);
    expect(snapshots).toHaveBeenCalledTimes(1);
    expect(restores.mock.calls.at(-1)![0].now).toBe(16_000);
    expect(seen(timeline)).toEqual(straight(21_400));

    // The next ones start from it.
    for (const t of [21_300, 21_100]) {
      timeline.seek(t);
      expect(restores.mock.calls.at(-1)![0].now).toBe(21_000);
      expect(seen(timeline)).toEqual(straight(t));
    }
    // Further back in the segment: every fine snapshot from its start to the target's.
    timeline.seek(18_500);
    expect(snapshots).toHaveBeenCalledTimes(3);
    expect(seen(timeline)).toEqual(straight(18_500));
  });
});
