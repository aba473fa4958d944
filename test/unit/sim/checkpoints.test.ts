/**
 * The number of checkpoints the page's memory estimate counts (src/scenario/cost.ts) is the
 * number a Timeline holds after simulating the whole run.
 */
import { describe, expect, it } from 'vitest';
import { checkpointCount, checkpointInterval } from '../../../src/sim/checkpoints.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { scenarioOf } from '../../support/test-sim.ts';

function scenarioLasting(durationMs: number) {
  return scenarioOf({ version: 1, durationMs, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }] });
}

describe('checkpoints of a run', () => {
  it('are about 1,200, between 1 s and 10 s apart', () => {
    expect(checkpointInterval(3_600_000)).toBe(3_000);
    expect(checkpointInterval(480_000)).toBe(1_000);
    expect(checkpointInterval(24 * 3_600_000)).toBe(10_000);
    expect(checkpointCount(3_600_000)).toBe(1_201);
    expect(checkpointCount(480_000)).toBe(481);
  });

  it.each([60_000, 61_500, 2_400_000])('a whole run of %i ms holds checkpointCount of them', (durationMs) => {
    const timeline = new Timeline(scenarioLasting(durationMs));
    timeline.seek(durationMs);
    expect(timeline.checkpointsTaken).toBe(checkpointCount(durationMs));
  });
});
