/** One chart of the Charts tab: which numbers it plots, the chart itself, and its export as SVG or PNG. */
import { useId, useRef, useState } from 'react';
import type { SeriesOverTime } from '../../../sim/queries/series-over-time.ts';
import { usePlayback } from '../../../store/playback.ts';
import { fileStem } from '../../controls/save-file.ts';
import { savePng, saveSvg } from '../export.ts';
import { CHART_METRICS, groupsOf, metricLines, tookEffect, unitOf, type ChartMetric } from './chart-metrics.ts';
import { CHARTS_STRINGS, ruleAction } from './charts-strings.ts';
import { LineChart } from './LineChart.tsx';
import { isFault } from '../../i18n/action-strings.ts';
import { inLanguage, labelled } from '../../i18n/index.ts';

interface ChartCardProps {
  series: SeriesOverTime;
  initial: ChartMetric;
  toMs: number;
  nowMs: number;
  width: number;
  height: number;
  name: string;
}

export function ChartCard({ series, initial, toMs, nowMs, width, height, name }: ChartCardProps) {
  const language = usePlayback((s) => s.language);
  const scenarioName = usePlayback((s) => s.scenario?.name ?? '');
  const strings = inLanguage(CHARTS_STRINGS, language);
  const [metric, setMetric] = useState<ChartMetric>(initial);
  const groups = groupsOf(series);
  const [chosenGroup, setGroup] = useState<string | undefined>(undefined);
  const group = chosenGroup !== undefined && groups.includes(chosenGroup) ? chosenGroup : groups[0];
  const svg = useRef<SVGSVGElement>(null);
  const metricId = useId();
  const groupId = useId();
  const lines = metricLines(series, metric, group, strings);
  const title = metric === 'lagByQueue' && group !== undefined ? labelled(strings.metric[metric], group, language) : strings.metric[metric];
  const stem = `${fileStem(scenarioName, 'run')}-${metric}`;
  return (
    <div className="rs-chart-card" data-testid={`chart-${name}`}>
      <div className="rs-chart-tools">
        <label htmlFor={metricId}>{strings.metricLabel}</label>
        <select className="rs-select" id={metricId} value={metric} data-testid={`chart-${name}-metric`} onChange={(e) => setMetric(e.target.value as ChartMetric)}>
          {CHART_METRICS.map((id) => <option key={id} value={id}>{strings.metric[id]}</option>)}
        </select>
        {metric === 'lagByQueue' && groups.length > 0 && (
          <>
            <label htmlFor={groupId}>{strings.groupLabel}</label>
            <select className="rs-select" id={groupId} value={group} onChange={(e) => setGroup(e.target.value)}>
              {groups.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </>
        )}
        <span className="rs-chart-export">
          <button type="button" className="rs-button" data-testid={`chart-${name}-svg`} onClick={() => svg.current && saveSvg(svg.current, stem)}>{strings.exportSvg}</button>
          <button type="button" className="rs-button" data-testid={`chart-${name}-png`} onClick={() => svg.current && void savePng(svg.current, stem)}>{strings.exportPng}</button>
        </span>
      </div>
      {metric === 'lagByGroup' && <p className="rs-chart-note" data-testid={`chart-${name}-note`}>{strings.lagNote}</p>}
      <LineChart
        ref={svg}
        title={title}
        times={series.samples.map((sample) => sample.t)}
        lines={lines}
        fromMs={0}
        toMs={toMs}
        faults={tookEffect(series.faults).map((fault) => ({ t: fault.t, label: strings.ruleTitle(isFault(fault.action), ruleAction(fault, language)) }))}
        rulesLegend={strings.timelineRules}
        nowLegend={strings.playhead}
        nowMs={nowMs}
        width={width}
        height={height}
        timeAxis={strings.timeAxis}
        valueAxis={strings.unit[unitOf(metric)]}
        readout={strings.readout}
        testId={`chart-${name}-figure`}
      />
    </div>
  );
}
