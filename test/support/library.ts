/** The page's built-in scenarios (src/scenario/library), validated for tests that run them. */
import type { Scenario } from '../../src/model/spec.ts';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { scenarioOf, type ScenarioJson } from './test-sim.ts';

/** A library entry's scenario with every default filled; throws when there is no such entry or it does not validate. */
export function libraryScenario(id: string): Scenario {
  const entry = findLibraryEntry(id);
  if (!entry) throw new Error(`no library scenario ${id}`);
  return scenarioOf(entry.scenario as ScenarioJson);
}

/** A library entry's Timeline, seeked to `atMs`. */
export function libraryTimeline(id: string, atMs: number): Timeline {
  const timeline = new Timeline(libraryScenario(id));
  timeline.seek(atMs);
  return timeline;
}

/**
 * "Master loss" with its masters' processes crashing (crashBroker) instead of their machines
 * losing power: a crashed process's host closes its connections, so ns-1 drops both masters at
 * once (channelClosed) and only their slaves are left to answer; the page cache stays.
 */
export function masterCrashScenario(): ScenarioJson {
  const file = findLibraryEntry('master-loss-sync-async')!.scenario as { timeline: { action: string }[] };
  return { ...file, timeline: file.timeline.map((action) => (action.action === 'powerOffBroker' ? { ...action, action: 'crashBroker' } : action)) };
}
