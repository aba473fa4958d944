/**
 * The run on the page's own thread: for the tests (vitest and jsdom call the store directly),
 * for `?inpage` (debugging the simulation where the browser's tools see it) and for a browser
 * without Web Workers. Loaded only then: with the run in the worker, the model's code stays out
 * of the page's first load.
 */
import { Timeline } from '../sim/timeline.ts';
import { runOnPage } from './playback.ts';

export function startPageRun(): void {
  runOnPage((scenario) => new Timeline(scenario));
}
