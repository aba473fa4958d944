import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, layoutChart, linesFrom, nearestSample } from '../../../src/viz/chart-layout.ts';

const width = CHART_MARGIN.left + 100 + CHART_MARGIN.right;
const height = CHART_MARGIN.top + 200 + CHART_MARGIN.bottom;

describe('chart layout', () => {
  it('makes one line per key, 0 where a sample lacks it', () => {
    expect(linesFrom([{ 'broker-b': 2 }, { 'broker-a': 1, 'broker-b': 3 }])).toEqual([
      { name: 'broker-a', values: [0, 1] }, { name: 'broker-b', values: [2, 3] },
    ]);
  });

  it('reads only a record\'s own keys: a broker named "constructor" missing from a sample that came from the worker (a plain object) is 0, not Object\'s constructor', () => {
    expect(linesFrom([{}, { constructor: 4 }])).toEqual([{ name: 'constructor', values: [0, 4] }]);
    expect(linesFrom([{ toString: 2 }, {}], null)).toEqual([{ name: 'toString', values: [2, null] }]);
  });

  it('leaves a gap where a value nobody could read is missing, and scales over the values there are', () => {
    expect(linesFrom([{ CG: 5 }, {}, { CG: 7 }], null)).toEqual([{ name: 'CG', values: [5, null, 7] }]);
    const layout = layoutChart({ times: [0, 5_000, 10_000, 15_000], lines: [{ name: 'lag', values: [10, null, 40, 20] }], fromMs: 0, toMs: 15_000, faults: [], nowMs: null, width, height });
    const x = (t: number) => (CHART_MARGIN.left + (t / 15_000) * 100).toFixed(1);
    const y = (v: number) => layout.y(v).toFixed(1);
    expect(layout.paths[0]!.d).toBe(`M${x(0)},${y(10)}M${x(10_000)},${y(40)}L${x(15_000)},${y(20)}`);
    expect(layout.yTicks[0]!.value).toBe(0);
    expect(layout.yTicks.at(-1)!.value).toBe(40);
  });

  it('maps time to x and values to y, the y axis ending on a round value above the peak', () => {
    const layout = layoutChart({ times: [0, 5_000, 10_000], lines: [{ name: 'lag', values: [0, 7, 43] }], fromMs: 0, toMs: 10_000, faults: [], nowMs: 5_000, width, height });
    expect(layout.yTicks.at(-1)!.value).toBe(50);
    expect(layout.paths[0]!.d).toBe(`M${CHART_MARGIN.left}.0,${CHART_MARGIN.top + 200}.0L${CHART_MARGIN.left + 50}.0,${(CHART_MARGIN.top + 200 - 28).toFixed(1)}L${CHART_MARGIN.left + 100}.0,${(CHART_MARGIN.top + 200 - 172).toFixed(1)}`);
    expect(layout.playheadX).toBe(CHART_MARGIN.left + 50);
  });

  it('reaches below 0 only as far as a negative value goes (a slave asked for offsets past what it holds), 0 labelled as 0', () => {
    const layout = layoutChart({ times: [0, 5_000, 10_000], lines: [{ name: 'diff', values: [-10, 0, 40] }], fromMs: 0, toMs: 10_000, faults: [], nowMs: null, width, height });
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([-10, 0, 10, 20, 30, 40]);
    expect(Object.is(layout.yTicks[1]!.value, 0)).toBe(true);
    expect(layout.y(-10)).toBe(CHART_MARGIN.top + 200);
    expect(layout.y(0)).toBe(CHART_MARGIN.top + 200 - 40);
    const slight = layoutChart({ times: [0, 5_000], lines: [{ name: 'diff', values: [-1, 6_000] }], fromMs: 0, toMs: 10_000, faults: [], nowMs: null, width, height });
    expect(slight.y(-1)).toBe(CHART_MARGIN.top + 200);
    expect(slight.yTicks.map((tick) => tick.value)).toEqual([0, 2_000, 4_000, 6_000]);
    expect(Object.is(slight.yTicks[0]!.value, 0)).toBe(true);
  });

  it('shows the faults inside the window only, and an empty chart still has an axis', () => {
    const layout = layoutChart({ times: [], lines: [], fromMs: 10_000, toMs: 20_000, faults: [{ t: 5_000, label: 'early' }, { t: 15_000, label: 'crashBroker broker-a' }], nowMs: null, width, height });
    expect(layout.faults).toEqual([{ x: CHART_MARGIN.left + 50, label: 'crashBroker broker-a' }]);
    expect(layout.yTicks.map((tick) => tick.value)).toContain(1);
    expect(layout.playheadX).toBeNull();
  });

  it('finds the sample nearest a time', () => {
    expect(nearestSample([0, 1_000, 2_000], 1_400)).toBe(1);
    expect(nearestSample([0, 1_000, 2_000], 9_000)).toBe(2);
    expect(nearestSample([], 5)).toBe(-1);
  });
});
