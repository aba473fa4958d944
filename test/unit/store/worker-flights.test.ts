/**
 * The dots in flight read the trace the page holds, never a query: the canvas asks for them every
 * frame, and a round trip to the worker each time would cost the animation its frames. That is
 * enough because the page always holds at least the latest HELD_EVENTS events (a seek far back
 * brings a fresh tail, src/sim/frame/trace-tail.ts), and dotsAt stops at the first event older
 * than the flight window or at its cap of dots: a quiet run's widest window (MAX_FLIGHT_MS) holds
 * fewer events than that, and a busy run reaches the cap inside it. Here both hold after a
 * seek far back, in the worker (in-thread: test/support/in-thread-worker.ts), for a busy small run
 * and for the large scale test.
 */
import { readFileSync } from 'node:fs';
import { HELD_EVENTS } from '../../../src/sim/frame/trace-tail.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { dotsAt } from '../../../src/ui/panels/topology-geometry.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';
import { MAX_FLIGHT_MS, MIN_FLIGHT_MS } from '../../../src/viz/flight.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import type { Scenario } from '../../../src/model/spec.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

/** The large scale test (10 brokers x 64 queues, 100 clients), cut to its first 40 s. */
function largeScenario(): Scenario {
  const large = JSON.parse(readFileSync(new URL('../../bench/large.json', import.meta.url), 'utf8')) as ScenarioJson & { timeline: { at: number }[] };
  return scenarioOf({ ...large, durationMs: 40_000, timeline: large.timeline.filter((action) => action.at <= 40_000) });
}

/** A small run sending 60 messages a second. */
function busyScenario(): Scenario {
  const scenario = writeReadScenario({ durationMs: 400_000 });
  scenario.producers = scenario.producers.map((producer) => ({ ...producer, ratePerSec: 60 }));
  return scenario;
}

describe('the dots in flight on the page, after a seek far back, are those of the whole trace', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));

  it.each([
    ['a busy small run', busyScenario, 400_000, 200_000],
    ['the large scale test', largeScenario, 40_000, 25_000],
  ] as const)('%s', async (_name, make, late, early) => {
    const scenario = make();
    usePlayback.getState().loadScenario(scenario, late);
    await settledAt(late);
    usePlayback.getState().requestSeek(early);
    await settledAt(early);
    const local = new Timeline(scenario);
    local.seek(early);
    const page = getTimeline()!;
    // The page holds only part of the trace, and at least the latest HELD_EVENTS.
    expect(page.traceStart).toBeGreaterThan(0);
    expect(page.traceLength - page.traceStart).toBeGreaterThanOrEqual(HELD_EVENTS);
    const model = topologyModel(local.state);
    const layout = layoutTopology(model.input, 1280);
    for (const flightMs of [MIN_FLIGHT_MS, 2_000, MAX_FLIGHT_MS]) {
      const dots = dotsAt(page, layout, model.routing, early, flightMs);
      expect(dots.length).toBeGreaterThan(0);
      expect(dots).toEqual(dotsAt(local, layout, model.routing, early, flightMs));
    }
  }, 120_000);
});
