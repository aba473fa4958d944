/**
 * A line chart's geometry over virtual time: one polyline per series, round ticks on both axes,
 * the faults and the playhead as vertical rules, and the sample a pointer or key is nearest.
 * React draws it (src/ui/insight/charts/); nothing here touches the DOM.
 */
import { linear, niceStep, niceTicks } from './ticks.ts';

export interface ChartLine {
  name: string;
  /** One per sample time; null where the sample has no value (drawn as a gap). */
  values: (number | null)[];
  /** Drawn dashed (the changed run of a what-if). */
  dashed?: boolean;
}

export interface ChartInput {
  /** Sample times (ms), ascending; each line has one value per time. */
  times: number[];
  lines: ChartLine[];
  fromMs: number;
  toMs: number;
  faults: { t: number; label: string }[];
  nowMs: number | null;
  width: number;
  height: number;
}

interface ChartLayout {
  plot: { left: number; top: number; right: number; bottom: number };
  paths: { name: string; d: string; dashed: boolean; colour: number }[];
  xTicks: { x: number; t: number }[];
  yTicks: { y: number; value: number }[];
  faults: { x: number; label: string }[];
  playheadX: number | null;
  x: (t: number) => number;
  y: (value: number) => number;
}

export const CHART_MARGIN = { left: 52, top: 12, right: 12, bottom: 34 };
/** The palette's size: lines past it reuse its colours (the legend names each). */
const CHART_COLOURS = 8;

/**
 * Lines from per-sample dictionaries: one per key ever seen, sorted by name, with `missing` where
 * a sample lacks the key (0 for a count nothing added to, null for a value nobody could read).
 */
export function linesFrom(records: Record<string, number>[], missing: 0 | null = 0): ChartLine[] {
  const names = [...new Set(records.flatMap((record) => Object.keys(record)))].sort();
  // Own keys only: a broker or group may be named "constructor", and a record from the worker has a prototype.
  return names.map((name) => ({ name, values: records.map((record) => (Object.hasOwn(record, name) ? record[name]! : missing)) }));
}

/** A polyline through the values, broken where one is null: a new subpath starts after each gap. */
function pathOf(times: number[], values: (number | null)[], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${x(times[i]!).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return d;
}

export function layoutChart(input: ChartInput): ChartLayout {
  const plot = {
    left: CHART_MARGIN.left, top: CHART_MARGIN.top,
    right: Math.max(CHART_MARGIN.left + 20, input.width - CHART_MARGIN.right), bottom: Math.max(CHART_MARGIN.top + 20, input.height - CHART_MARGIN.bottom),
  };
  const values = input.lines.flatMap((line) => line.values).filter((value) => value !== null);
  const peak = Math.max(0, ...values);
  // Below 0 only as far as a value goes (a diff is negative where a slave answers with an offset past the messages it holds).
  const yMin = Math.min(0, ...values);
  // The y axis ends on a round value at or above the peak, so the top line has a label.
  const yCount = Math.max(2, Math.floor((plot.bottom - plot.top) / 40));
  const step = niceStep(yMin, peak, yCount);
  const yMax = peak > 0 ? Math.ceil(peak / step) * step : yMin < 0 ? 0 : 1;
  const x = linear(input.fromMs, input.toMs, plot.left, plot.right);
  const y = linear(yMin, yMax, plot.bottom, plot.top);
  const inside = (t: number) => t >= input.fromMs && t <= input.toMs;
  return {
    plot,
    paths: input.lines.map((line, i) => ({ name: line.name, d: pathOf(input.times, line.values, x, y), dashed: line.dashed === true, colour: i % CHART_COLOURS })),
    xTicks: niceTicks(input.fromMs, input.toMs, Math.max(2, Math.floor((plot.right - plot.left) / 90))).map((t) => ({ x: x(t), t })),
    yTicks: niceTicks(yMin, yMax, yCount).map((value) => ({ y: y(value), value })),
    faults: input.faults.filter((fault) => inside(fault.t)).map((fault) => ({ x: x(fault.t), label: fault.label })),
    playheadX: input.nowMs !== null && inside(input.nowMs) ? x(input.nowMs) : null,
    x, y,
  };
}

/** The index of the sample nearest time t (-1 when there are none). */
export function nearestSample(times: number[], t: number): number {
  let best = -1;
  for (let i = 0; i < times.length; i++) {
    if (best < 0 || Math.abs(times[i]! - t) < Math.abs(times[best]! - t)) best = i;
  }
  return best;
}
