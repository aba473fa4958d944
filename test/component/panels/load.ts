/** Loads a scenario into the store at a time and returns the Timeline the panels read. */
import type { Scenario } from '../../../src/model/spec.ts';
import type { TimelineView } from '../../../src/sim/timeline.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';

export function loadAt(scenario: Scenario, timeMs: number): TimelineView {
  const store = usePlayback.getState();
  store.setLanguage('en');
  store.setSpeed(1);
  store.loadScenario(scenario, timeMs);
  const timeline = getTimeline();
  if (!timeline) throw new Error('no timeline after loadScenario');
  return timeline;
}
