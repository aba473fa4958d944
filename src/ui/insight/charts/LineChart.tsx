/**
 * A line chart over virtual time, drawn by React from the pure layout (src/viz/chart-layout.ts):
 * axes labelled in words with their unit, a legend, the faults and the playhead as rules, and a
 * readout of every line at one sample, moved by pointing or by ← → Home End when focused.
 * Colours are attributes, not CSS, so the exported SVG looks the same as the page.
 */
import { forwardRef, useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { CHART_MARGIN, layoutChart, nearestSample, type ChartInput } from '../../../viz/chart-layout.ts';
import { fitText, formatCount, formatTime } from '../../../viz/format.ts';
import { linear } from '../../../viz/ticks.ts';
import { moveIndex, type IndexMoves } from '../../keys.ts';
import './charts.css';

/** The lines' palette: none of them is the rules' red or grey, so a broker's line never reads as a fault or the playhead. */
export const LINE_COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#92400e'];
export const FAULT_COLOUR = '#dc2626';
/** A slate between the page's light and dark panels: at least 3:1 against either (slate-600 was 2.2:1 on the dark one). */
export const PLAYHEAD_COLOUR = '#64748b';
/** Room for "unconsumable (changed)" whole. */
const LEGEND_WIDTH = 170;
const LEGEND_ROW = 15;

/** What the layout takes (src/viz/chart-layout.ts), and the words around it. */
interface LineChartProps extends ChartInput {
  title: string;
  timeAxis: string;
  valueAxis: string;
  readout: (time: string) => string;
  /** The legend's words for the red dashed rules (the timeline's faults and commands), shown when there are any. */
  rulesLegend: string;
  /** The legend's words for the grey rule at nowMs: the playhead, or a what-if's fork. */
  nowLegend: string;
  testId?: string;
}

function format(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : value.toFixed(1);
}

/** A sample's value as the readout says it: a dash where the line has a gap. */
function valueText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : format(value);
}

/** The readout steps along the time axis and stops at the run's ends. */
const STEP_MOVES: IndexMoves = { axis: 'horizontal' };

export const LineChart = forwardRef<SVGSVGElement, LineChartProps>(function LineChart(props, ref) {
  const { times, lines, width, height } = props;
  const [cursor, setCursor] = useState<number | null>(null);
  const readoutId = useId();
  const layout = layoutChart({ ...props, width: width - LEGEND_WIDTH });
  const { plot } = layout;
  const shown = cursor !== null && cursor < times.length ? cursor : null;
  // The rules drawn, in the legend's words: the timeline's faults and commands, then the playhead (or fork).
  const rules = [
    ...(layout.faults.length > 0 ? [{ testId: 'chart-rules-legend', colour: FAULT_COLOUR, dashed: true, words: props.rulesLegend }] : []),
    ...(layout.playheadX !== null ? [{ testId: 'chart-now-legend', colour: PLAYHEAD_COLOUR, dashed: false, words: props.nowLegend }] : []),
  ];
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    const viewX = ((event.clientX - box.left) * width) / box.width;
    setCursor(nearestSample(times, linear(plot.left, plot.right, props.fromMs, props.toMs)(viewX)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveIndex(event.key, shown ?? times.length - 1, times.length, STEP_MOVES);
    if (next === null) return;
    event.preventDefault();
    setCursor(next);
  };
  return (
    <figure className="rs-chart" data-testid={props.testId}>
      <div role="group" tabIndex={0} aria-label={props.title} aria-describedby={readoutId} className="rs-chart-frame" onKeyDown={onKeyDown}>
        <svg ref={ref} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" className="rs-chart-svg" onPointerMove={onPointerMove} onPointerLeave={() => setCursor(null)}>
          <g fontSize="11" fill="currentColor">
            {layout.yTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={tick.value === 0 ? 0.5 : 0.12} />
                <text x={plot.left - 4} y={tick.y + 4} textAnchor="end">{format(tick.value)}</text>
              </g>
            ))}
            {/* Bare seconds, not formatPeriod: the axis title gives the unit, and "3 min" would change unit along one axis. */}
            {layout.xTicks.map((tick) => <text key={tick.t} x={tick.x} y={plot.bottom + 14} textAnchor="middle">{(tick.t / 1_000).toString()}</text>)}
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="currentColor" strokeOpacity={0.5} />
            <text x={(plot.left + plot.right) / 2} y={height - 4} textAnchor="middle">{props.timeAxis}</text>
            <text transform={`translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">{props.valueAxis}</text>
          </g>
          {layout.faults.map((fault, i) => (
            <line key={i} x1={fault.x} x2={fault.x} y1={plot.top} y2={plot.bottom} stroke={FAULT_COLOUR} strokeDasharray="4 3"><title>{fault.label}</title></line>
          ))}
          {layout.paths.map((path) => (
            <path key={path.name} d={path.d} fill="none" stroke={LINE_COLOURS[path.colour]} strokeWidth={1.6} strokeDasharray={path.dashed ? '5 3' : undefined} />
          ))}
          {layout.playheadX !== null && <line x1={layout.playheadX} x2={layout.playheadX} y1={plot.top} y2={plot.bottom} stroke={PLAYHEAD_COLOUR} strokeWidth={1.5} />}
          {shown !== null && <line x1={layout.x(times[shown]!)} x2={layout.x(times[shown]!)} y1={plot.top} y2={plot.bottom} stroke="currentColor" strokeOpacity={0.4} />}
          <g fontSize="11" fill="currentColor" transform={`translate(${width - LEGEND_WIDTH + 8} ${CHART_MARGIN.top})`}>
            {layout.paths.slice(0, Math.floor((height - CHART_MARGIN.top) / LEGEND_ROW) - rules.length).map((path, i) => (
              <g key={path.name} transform={`translate(0 ${i * LEGEND_ROW})`}>
                <line x1={0} x2={14} y1={-4} y2={-4} stroke={LINE_COLOURS[path.colour]} strokeWidth={2} strokeDasharray={path.dashed ? '4 2' : undefined} />
                <text x={18} y={0}>{fitText(path.name, LEGEND_WIDTH - 26, 11)}</text>
              </g>
            ))}
            {rules.map((rule, i) => (
              // A rule's own mark, upright as on the plot: a red dashed line across reads as a changed run's line.
              <g key={rule.testId} transform={`translate(0 ${(Math.min(layout.paths.length, Math.floor((height - CHART_MARGIN.top) / LEGEND_ROW) - rules.length) + i) * LEGEND_ROW})`} data-testid={rule.testId}>
                <line x1={7} x2={7} y1={-11} y2={3} stroke={rule.colour} strokeWidth={rule.dashed ? 1 : 1.5} strokeDasharray={rule.dashed ? '4 3' : undefined} />
                <text x={18} y={0}>{fitText(rule.words, LEGEND_WIDTH - 26, 11)}</text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <figcaption id={readoutId} className="rs-chart-readout" aria-live="polite">
        {shown === null ? null : (
          <>
            <strong>{props.readout(formatTime(times[shown]!))}</strong>{' '}
            {lines.map((line) => `${line.name} ${valueText(line.values[shown])}`).join(' · ')}
          </>
        )}
      </figcaption>
    </figure>
  );
});
