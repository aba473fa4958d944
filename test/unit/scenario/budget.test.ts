/**
 * The cost budget: the estimate follows real runs closely enough to judge by (checked against
 * straight runs of the library), the benchmark scenarios pass the budgets they are run at, and
 * the heavy scenarios of issue 13 are refused before anything is built, with what to reduce.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/model/index.ts';
import { budgetMessage, bytesOf, checkBudget, PAGE_BUDGET, RUNNER_BUDGET } from '../../../src/scenario/budget.ts';
import { BROWSER_HEAP_SHARE, estimateCost } from '../../../src/scenario/cost.ts';
import { TRACE_CACHE_LEAST } from '../../../src/sim/checkpoints.ts';
import { decodeLink, encodeLink } from '../../../src/scenario/link.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { FAST_PRODUCER, MANY_QUEUES } from '../../support/heavy-scenarios.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

const bench = (name: string) => JSON.parse(readFileSync(new URL(`../../bench/${name}`, import.meta.url), 'utf8')) as ScenarioJson;

describe('estimateCost against real runs', () => {
  it.each(LIBRARY.map((entry) => entry.id))('%s: events within 0.5-2x, trace events within 0.7-1.5x, messages within 5 %%', (id) => {
    const scenario = scenarioOf(LIBRARY.find((entry) => entry.id === id)!.scenario as ScenarioJson);
    const cost = estimateCost(scenario);
    const sim = createSimulation(scenario, { keepTrace: false });
    sim.runUntil(scenario.durationMs);
    expect(cost.events / sim.eventsHandled).toBeGreaterThan(0.5);
    expect(cost.events / sim.eventsHandled).toBeLessThan(2);
    expect(cost.traceEvents / sim.traceCount).toBeGreaterThan(0.7);
    expect(cost.traceEvents / sim.traceCount).toBeLessThan(1.5);
    expect(Math.abs(cost.messages - sim.state.stats.sent)).toBeLessThanOrEqual(0.05 * sim.state.stats.sent + 1);
  }, 60_000);
});

describe('the budgets', () => {
  it('the reference hour fits the page and the runner; the large scale test fits the runner only, refused by the page for its messages', () => {
    const reference = scenarioOf(bench('reference.json'));
    const large = scenarioOf(bench('large.json'));
    expect(checkBudget(reference, PAGE_BUDGET)).toBeNull();
    expect(checkBudget(reference, RUNNER_BUDGET)).toBeNull();
    expect(checkBudget(large, RUNNER_BUDGET)).toBeNull();
    const refused = checkBudget(large, PAGE_BUDGET);
    expect(refused?.over).toContain('bytes');
    expect(refused?.reduce[0]).toBe('messages');
  });

  it('the page judges what its worker holds in a browser: stored messages whole, the rest at BROWSER_HEAP_SHARE; the runner its run in Node', () => {
    const cost = estimateCost(scenarioOf(bench('large.json')));
    const messages = cost.parts.messages.runBytes;
    expect(messages).toBeGreaterThan(0);
    expect(bytesOf(cost, PAGE_BUDGET)).toBeCloseTo(messages + (cost.runBytes + cost.pageBytes - messages) * BROWSER_HEAP_SHARE, 0);
    expect(bytesOf(cost, RUNNER_BUDGET)).toBe(cost.runBytes);
    // A scenario of messages alone costs the page at least their columns.
    const messagesOnly = estimateCost(scenarioOf(FAST_PRODUCER));
    expect(bytesOf(messagesOnly, PAGE_BUDGET)).toBeGreaterThanOrEqual(messagesOnly.parts.messages.runBytes);
  });

  it('the worker caches the reference hour\'s whole trace, and the large scale test\'s first 18 minutes keep the least cache, within the page\'s budget', () => {
    const reference = estimateCost(scenarioOf(bench('reference.json')));
    expect(reference.traceCache).toBeGreaterThan(reference.traceEvents);
    expect(bytesOf(reference, PAGE_BUDGET)).toBeLessThan(PAGE_BUDGET.bytes * 0.75);
    const large = scenarioOf(bench('large.json'));
    const eighteen = estimateCost({ ...large, durationMs: 18 * 60_000 });
    expect(eighteen.traceCache).toBe(TRACE_CACHE_LEAST);
    expect(checkBudget({ ...large, durationMs: 18 * 60_000 }, PAGE_BUDGET)).toBeNull();
    expect(checkBudget({ ...large, durationMs: 19 * 60_000 }, PAGE_BUDGET)?.over).toEqual(['bytes']);
    // The cached events count in the page's memory: the reference hour holds more than with the least cache.
    const shorter = estimateCost({ ...scenarioOf(bench('reference.json')), durationMs: 600_000 });
    expect(shorter.traceCache).toBeGreaterThan(shorter.traceEvents);
    expect(reference.pageBytes - shorter.pageBytes).toBeGreaterThan((reference.traceEvents - shorter.traceEvents) * 100);
  });

  it('every built-in scenario fits the page', () => {
    for (const entry of LIBRARY) expect(checkBudget(scenarioOf(entry.scenario as ScenarioJson), PAGE_BUDGET)).toBeNull();
  });

  it('256 brokers x 16 topics x 1,024 queues is refused by the page, naming the queues', () => {
    const refused = checkBudget(scenarioOf(MANY_QUEUES), PAGE_BUDGET);
    expect(refused?.reduce).toEqual(['queues']);
    expect(budgetMessage(refused!, 'on this page')).toMatch(/^too heavy to run on this page: it needs about .* GB of memory .* reduce the queues \(4\.2 million on all brokers/);
  });

  it('a producer at 10,000 messages a second for an hour is refused, naming the messages', () => {
    const refused = checkBudget(scenarioOf(FAST_PRODUCER), RUNNER_BUDGET);
    expect(refused?.over).toContain('bytes');
    expect(budgetMessage(refused!, 'here')).toContain('reduce the messages (producers\' ratePerSec x durationMs: about 36 million)');
  });

  it('a link to a scenario over the page\'s budget is refused as too heavy, before the run is built', () => {
    const encoded = encodeLink(MANY_QUEUES, 0);
    if (!encoded.ok) throw new Error('the link must fit');
    expect(encoded.fragment.length).toBeLessThan(2_000);
    const decoded = decodeLink(`#${encoded.fragment}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason.code).toBe('tooHeavy');
  });
});
