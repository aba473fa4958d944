/**
 * A scenario over the page's budget, cut to what fits (src/scenario/prefix.ts): the page offers a
 * too heavy link's or file's first minutes. The large scale test's hour is refused and its first
 * 18 minutes fit (src/scenario/budget.ts), so that is what is offered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBudget, PAGE_BUDGET } from '../../../src/scenario/budget.ts';
import { cutScenarioFile, longestPrefix } from '../../../src/scenario/prefix.ts';
import { FAST_PRODUCER, MANY_QUEUES } from '../../support/heavy-scenarios.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

const MINUTE_MS = 60_000;
const large = JSON.parse(readFileSync(new URL('../../bench/large.json', import.meta.url), 'utf8')) as ScenarioJson;
const fits = (file: ScenarioJson) => checkBudget(scenarioOf(file), PAGE_BUDGET) === null;

const CRASH = { at: 30_000, action: 'crashBroker', target: 'broker-a' };

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
  it('the large scale test: the page takes its first 18 minutes, not 19', () => {
    expect(fits(large)).toBe(false);
    const prefix = longestPrefix(large, PAGE_BUDGET);
    expect(prefix?.minutes).toBe(18);
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
  });

  it('nothing when not even the first minute fits (the queues alone are too many), or the file is a minute or less', () => {
    expect(longestPrefix({ ...MANY_QUEUES, durationMs: 3_600_000 }, PAGE_BUDGET)).toBeNull();
    expect(longestPrefix({ ...fastProducer, durationMs: MINUTE_MS, timeline: [] }, PAGE_BUDGET)).toBeNull();
  });
});
