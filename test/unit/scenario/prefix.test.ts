/**
 * A scenario over the page's budget, cut to what fits (src/scenario/prefix.ts): the page offers a
 * too heavy link's or file's first minutes. The large scale test's hour is refused and its first
 * 18 minutes fit (src/scenario/budget.ts), so that is what is offered; its three timeline actions
 * all come later, so the cut says so, and a second window of 18 minutes moves them earlier.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBudget, PAGE_BUDGET } from '../../../src/scenario/budget.ts';
import { cutScenarioFile, longestPrefix, moveTimelineEarlier, movedWindow } from '../../../src/scenario/prefix.ts';
import { FAST_PRODUCER, MANY_QUEUES } from '../../support/heavy-scenarios.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

const MINUTE_MS = 60_000;
const large = JSON.parse(readFileSync(new URL('../../bench/large.json', import.meta.url), 'utf8')) as ScenarioJson;
const fits = (file: ScenarioJson) => checkBudget(scenarioOf(file), PAGE_BUDGET) === null;

const CRASH = { at: 30_000, action: 'crashBroker', target: 'broker-a' };

/** large.json's timeline, as written (and as validated: nothing to fill in). */
const BROKER_03_CRASH = { at: 20 * MINUTE_MS, action: 'crashBroker', target: 'broker-03' };
const BROKER_03_START = { at: 25 * MINUTE_MS, action: 'startBroker', target: 'broker-03' };
const NS_1_CRASH = { at: 40 * MINUTE_MS, action: 'crashNameServer', target: 'ns-1' };

/** The fast producer of budget.test.ts with a crash and a restart, to be cut between them. */
const fastProducer: ScenarioJson = { ...FAST_PRODUCER, timeline: [CRASH, { at: 90_000, action: 'startBroker', target: 'broker-a' }] };

describe('cutScenarioFile', () => {
  it('keeps the file as written up to the cut: its timeline\'s actions from the cut on are dropped, the rest untouched', () => {
    const cut = cutScenarioFile(fastProducer, 90_000);
    expect(cut).toEqual({ ...fastProducer, durationMs: 90_000, timeline: [CRASH] });
    expect(fastProducer.durationMs).toBe(3_600_000);
    expect(fastProducer.timeline).toHaveLength(2);
  });

  it('adds no timeline to a file without one', () => {
    const withoutTimeline: ScenarioJson = { ...fastProducer };
    delete withoutTimeline.timeline;
    expect(cutScenarioFile(withoutTimeline, MINUTE_MS)).not.toHaveProperty('timeline');
  });
});

describe('longestPrefix', () => {
  it('the large scale test: the page takes its first 18 minutes, not 19, and they leave out its three actions', () => {
    expect(fits(large)).toBe(false);
    const prefix = longestPrefix(large, PAGE_BUDGET);
    expect(prefix?.minutes).toBe(18);
    expect(prefix?.file.timeline).toEqual([]);
    expect(prefix?.dropped).toEqual([BROKER_03_CRASH, BROKER_03_START, NS_1_CRASH]);
    expect(prefix?.file.durationMs).toBe(18 * MINUTE_MS);
    expect(fits(prefix!.file)).toBe(true);
    expect(fits(cutScenarioFile(large, 19 * MINUTE_MS))).toBe(false);
  });

  it('a producer too fast for an hour: the longest whole number of minutes that fits', () => {
    expect(fits(fastProducer)).toBe(false);
    const prefix = longestPrefix(fastProducer, PAGE_BUDGET)!;
    expect(prefix.minutes).toBeGreaterThanOrEqual(1);
    expect(fits(prefix.file)).toBe(true);
    expect(fits(cutScenarioFile(fastProducer, (prefix.minutes + 1) * MINUTE_MS))).toBe(false);
    // Its crash at 0:30 and restart at 1:30 both happen within them: nothing is left out.
    expect(prefix.file.timeline).toEqual(fastProducer.timeline);
    expect(prefix.dropped).toEqual([]);
  });

  it('nothing when not even the first minute fits (the queues alone are too many), or the file is a minute or less', () => {
    expect(longestPrefix({ ...MANY_QUEUES, durationMs: 3_600_000 }, PAGE_BUDGET)).toBeNull();
    expect(longestPrefix({ ...fastProducer, durationMs: MINUTE_MS, timeline: [] }, PAGE_BUDGET)).toBeNull();
  });
});

describe('moveTimelineEarlier', () => {
  it('runs every action earlier by the same amount, in the same order, and an added client\'s own startAt with it', () => {
    const added = { at: 20 * MINUTE_MS, action: 'addConsumer', consumer: { id: 'c-9', group: 'CG', topic: 'TopicTest', startAt: 21 * MINUTE_MS } };
    const file: ScenarioJson = { ...FAST_PRODUCER, timeline: [CRASH, added, BROKER_03_START] };
    expect(moveTimelineEarlier(file, 30_000).timeline).toEqual([
      { ...CRASH, at: 0 },
      { ...added, at: 20 * MINUTE_MS - 30_000, consumer: { ...added.consumer, startAt: 21 * MINUTE_MS - 30_000 } },
      { ...BROKER_03_START, at: 25 * MINUTE_MS - 30_000 },
    ]);
    expect((file.timeline as object[])[0]).toBe(CRASH);
  });
});

describe('movedWindow', () => {
  it('the large scale test: 18 minutes with the timeline 11 min earlier, broker-03\'s crash at 9:00 and restart at 14:00; ns-1\'s crash still left out', () => {
    const prefix = longestPrefix(large, PAGE_BUDGET)!;
    const moved = movedWindow(large, prefix, PAGE_BUDGET);
    expect(moved).not.toBeNull();
    expect(moved!.minutes).toBe(18);
    expect(moved!.shiftMs).toBe(11 * MINUTE_MS);
    expect(moved!.file).toEqual({ ...large, durationMs: 18 * MINUTE_MS, timeline: [{ ...BROKER_03_CRASH, at: 9 * MINUTE_MS }, { ...BROKER_03_START, at: 14 * MINUTE_MS }] });
    expect(moved!.brought).toEqual([BROKER_03_CRASH, BROKER_03_START]);
    expect(moved!.dropped).toEqual([NS_1_CRASH]);
    expect(fits(moved!.file)).toBe(true);
  });

  it('nothing when the first minutes leave nothing out', () => {
    const file: ScenarioJson = { ...FAST_PRODUCER, timeline: [CRASH] };
    const prefix = longestPrefix(file, PAGE_BUDGET)!;
    expect(prefix.dropped).toEqual([]);
    expect(movedWindow(file, prefix, PAGE_BUDGET)).toBeNull();
  });

  it('never moves an action before 0:00: an action at 5:00 holds the move to 5 min, which still brings 12:00 into 8 minutes', () => {
    const start = { at: 12 * MINUTE_MS, action: 'startBroker', target: 'broker-a' };
    const file: ScenarioJson = { ...FAST_PRODUCER, timeline: [{ ...CRASH, at: 5 * MINUTE_MS }, start] };
    const prefix = longestPrefix(file, PAGE_BUDGET)!;
    expect(prefix.dropped).toEqual([start]);
    const moved = movedWindow(file, prefix, PAGE_BUDGET)!;
    expect(moved.shiftMs).toBe(5 * MINUTE_MS);
    expect(moved.file.timeline).toEqual([{ ...CRASH, at: 0 }, { ...start, at: 7 * MINUTE_MS }]);
    expect(moved.dropped).toEqual([]);
  });

  it('nothing when the moved window is over the budget: a second fast producer added at 20:00 would send for minutes of it', () => {
    const second = { ...(FAST_PRODUCER.producers as object[])[0], id: 'p-2' };
    const file: ScenarioJson = { ...FAST_PRODUCER, timeline: [{ at: 20 * MINUTE_MS, action: 'addProducer', producer: second }] };
    const prefix = longestPrefix(file, PAGE_BUDGET)!;
    expect(prefix.dropped).toHaveLength(1);
    expect(movedWindow(file, prefix, PAGE_BUDGET)).toBeNull();
    // The move would bring it in (20:00 to 4:00, the middle of 8 minutes): what refuses it is the budget.
    expect(prefix.minutes).toBe(8);
    expect(fits(cutScenarioFile(moveTimelineEarlier(file, 16 * MINUTE_MS), 8 * MINUTE_MS))).toBe(false);
  });
});
