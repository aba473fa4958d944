/**
 * Keys pressed while a step (← →) waits for a long jump, with the run in the worker: each key
 * counts from where the keys before it led, as it would had each been taken before the next
 * arrived (run-service.ts takes a step at the jump's target). A relative jump or a mark key after
 * the step dropped it: they counted from the jump's target, the step lost.
 */
import { Timeline } from '../../../src/sim/timeline.ts';
import { getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { commandNamed } from '../../../src/ui/commands.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

const press = (name: Parameters<typeof commandNamed>[0]) => commandNamed(name).perform();

/** The time of the last trace event before `at`: where ← from `at` goes. */
function previousEvent(scenario: ConstructorParameters<typeof Timeline>[0], at: number): number {
  const local = new Timeline(scenario);
  local.seek(at);
  return local.previousTraceTime();
}

describe('a key pressed while a step waits for a long jump', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));

  it('+10 s (Shift+→) counts from the moment the step reached, not from the jump\'s target', async () => {
    const scenario = writeReadScenario({ durationMs: 120_000 });
    const back = previousEvent(scenario, 100_000);
    expect(back).toBeLessThan(100_000);
    usePlayback.getState().loadScenario(scenario, 0);
    await settledAt(0);
    usePlayback.getState().requestSeek(100_000);
    press('stepBack');
    press('jumpForward10');
    press('stepForward');
    // Taken one at a time: ← to the event before 1:40, +10 s from there, → to the next event.
    const local = new Timeline(scenario);
    local.seek(back + 10_000);
    const expected = local.seekNextTraceEvent();
    await vi.waitFor(() => expect(usePlayback.getState().seekTarget).toBeNull(), { timeout: 60_000, interval: 20 });
    expect([usePlayback.getState().timeMs, getTimeline()!.now]).toEqual([expected, expected]);
  });

  it('Home counts from nothing before it: the run goes to 0:00, as it would after the step', async () => {
    const scenario = writeReadScenario({ durationMs: 120_000 });
    usePlayback.getState().loadScenario(scenario, 0);
    await settledAt(0);
    usePlayback.getState().requestSeek(100_000);
    press('stepBack');
    press('restart');
    await settledAt(0);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 0, seekTarget: null });
  });

  it('] goes to the next mark after the moment the step reached', async () => {
    // broker-a crashes at 1:00 and ns-1 sees its connection close a hop later, at 1:00.001: two
    // marks. From the crash's sign, ← reaches the crash's own moment, and ] from there is the sign
    // again; from the sign itself it was the next fault's mark.
    openLibraryEntry('crash-partition-shutdown');
    expect(previousEvent(usePlayback.getState().scenario!, 60_001)).toBe(60_000);
    await settledAt(0);
    const seeks: (number | null)[] = [];
    const stop = usePlayback.subscribe((state, previous) => {
      if (state.seekTarget !== previous.seekTarget) seeks.push(state.seekTarget);
    });
    usePlayback.getState().requestSeek(60_001);
    press('stepBack');
    press('nextMark');
    await vi.waitFor(() => expect(seeks.filter((target) => target === null)).toHaveLength(2), { timeout: 60_000, interval: 20 });
    stop();
    expect([seeks, usePlayback.getState().timeMs]).toEqual([[60_001, null, 60_001, null], 60_001]);
  });
});
