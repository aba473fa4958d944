/**
 * Both runs of a what-if side by side (the whatIf query): where they first differ, the summary
 * counters that differ at the end, and one chart with both runs' lines (the changed run dashed).
 */
import { useId, useState } from 'react';
import type { BrokerNodeTable, Scenario, TraceEvent } from '../../../sim/index.ts';
import { whatIfToLink, type AskedWhatIf } from '../../../sim/queries/what-if-change.ts';
import { usePlayback } from '../../../store/playback.ts';
import type { Language } from '../../../scenario/language.ts';
import { useWhatIf } from '../../../store/what-if.ts';
import { formatCount, formatTime } from '../../../viz/format.ts';
import { tableNames } from '../../broker-node-names.ts';
import { describeEvent, eventContextOf } from '../../panels/event-sentences.ts';
import { PANEL_STRINGS } from '../../panels/strings.ts';
import { useElementWidth } from '../../panels/use-element-width.ts';
import { useSimQuery, type SimQueryOptions } from '../../use-sim-query.ts';
import { TEXT_PANEL_REFRESH } from '../../use-sim.ts';
import { CHART_METRICS, metricLines, tookEffect, unitOf, type ChartMetric } from '../charts/chart-metrics.ts';
import { CHARTS_STRINGS } from '../charts/charts-strings.ts';
import { LineChart } from '../charts/LineChart.tsx';
import type { WhatIfStrings } from './what-if-strings.ts';
import { actionSaid } from '../../i18n/action-strings.ts';
import { inLanguage, useWords } from '../../i18n/index.ts';

/** How far past the fork both runs are compared, unless the person asks for the whole run. */
const COMPARE_SPAN_MS = 120_000;

/** Both runs go a share at a time in the worker, which answers moves in between: asked again until they are done. */
const WHAT_IF_OPTIONS: SimQueryOptions<'whatIf'> = { ...TEXT_PANEL_REFRESH, askAgain: (answer) => answer.ok === 'running' };

interface EventTextProps {
  event: TraceEvent | null;
  /** The nodes the event's run had then (each run elects on its own). */
  nodes: BrokerNodeTable | null;
  none: string;
  language: Language;
  /** Both runs' scenario as written: each run names its brokers' nodes by its own `nodes`. */
  scenario: Scenario;
}

function EventText({ event, nodes, none, language, scenario }: EventTextProps) {
  if (!event) return <span>{none}</span>;
  return <span><code className="rs-whatif-event">{`${event.type}`}</code> {describeEvent(event, language, eventContextOf(scenario, tableNames(nodes)))}</span>;
}

export function WhatIfResult({ asked, scenario, strings }: { asked: AskedWhatIf; scenario: Scenario; strings: WhatIfStrings }) {
  const { change } = asked;
  const setChange = useWhatIf((s) => s.setChange);
  const language = usePlayback((s) => s.language);
  const { durationMs } = scenario;
  const chartStrings = inLanguage(CHARTS_STRINGS, language);
  const counters = useWords(PANEL_STRINGS).summary as Record<string, string | undefined>;
  const [chosenMetric, setMetric] = useState<ChartMetric | null>(null);
  const [measure, width] = useElementWidth<HTMLDivElement>(760);
  const metricId = useId();
  // A change whose effect comes later than the span (a partition removed at 3:10) is compared to the end on request, and the link says so.
  const untilMs = Math.min(durationMs, asked.untilMs === null ? change.at + COMPARE_SPAN_MS : Math.max(change.at, asked.untilMs));
  const { data, pending } = useSimQuery('whatIf', { change, untilMs }, WHAT_IF_OPTIONS);
  if (!data) return <p aria-busy={pending}>{strings.working}</p>;
  if (data.ok === 'running') {
    return <p aria-busy="true" data-testid="whatif-running">{strings.running(formatTime(data.simulatedMs), formatTime(data.untilMs))}</p>;
  }
  if (!data.ok) return <p className="rs-whatif-refused" role="alert" data-testid="whatif-refused">{strings.refused(inLanguage(data.message, language))}</p>;
  const { divergence } = data;
  const none = divergence?.onlyIn ? strings.onlyIn[divergence.onlyIn] : strings.none;
  // The chart opens on what the change moved: messages no consumer can read (a readQueueNums fix) are not in the lag (diffTotal).
  const metric = chosenMetric ?? (data.differences.some((d) => d.name === 'neverConsumable') ? 'counters' : 'lagByGroup');
  const lines = [
    ...metricLines(data.original.series, metric, undefined, chartStrings),
    ...metricLines(data.changed.series, metric, undefined, chartStrings).map((line) => ({ ...line, name: `${line.name}${strings.changedSuffix}`, dashed: true })),
  ];
  return (
    <div className="rs-whatif-result" data-testid="whatif-result">
      <p data-testid="whatif-effect">
        {strings.effect(data.effect, formatTime(data.effectiveAtMs))} {strings.compared(formatTime(data.untilMs))}
        {data.untilMs < durationMs && (
          <> <button type="button" className="rs-button rs-button-small" data-testid="whatif-to-end" onClick={() => setChange(whatIfToLink(change, durationMs))}>{strings.compareToEnd(formatTime(durationMs))}</button></>
        )}
      </p>
      {divergence ? (
        <div className="rs-whatif-divergence" data-testid="whatif-divergence" data-t={divergence.t}>
          <p><strong>{strings.divergedAt(formatTime(divergence.t), divergence.index)}</strong></p>
          <dl>
            <dt>{strings.thisRun}</dt><dd><EventText event={divergence.original} nodes={divergence.originalNodes} none={none} language={language} scenario={scenario} /></dd>
            <dt>{strings.changedRun}</dt><dd><EventText event={divergence.changed} nodes={divergence.changedNodes} none={none} language={language} scenario={scenario} /></dd>
          </dl>
        </div>
      ) : <p data-testid="whatif-divergence-none">{strings.noDivergence}</p>}
      <h3 className="rs-whatif-subheading">{strings.differencesHeading}</h3>
      {data.differences.length === 0 ? <p>{strings.noDifferences}</p> : (
        <table className="rs-table" data-testid="whatif-differences">
          <thead><tr><th scope="col">{strings.counter}</th><th scope="col">{strings.thisRun}</th><th scope="col">{strings.changedRun}</th><th scope="col">{strings.difference}</th></tr></thead>
          <tbody>
            {data.differences.map((d) => (
              <tr key={d.name} data-counter={d.name}>
                <th scope="row">{counters[d.name] ?? d.name}</th>
                <td>{formatCount(d.original)}</td>
                <td>{formatCount(d.changed)}</td>
                <td>{`${d.changed > d.original ? '+' : ''}${formatCount(d.changed - d.original)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="rs-chart-tools">
        <label htmlFor={metricId}>{strings.chartHeading}</label>
        <select className="rs-select" id={metricId} value={metric} onChange={(e) => setMetric(e.target.value as ChartMetric)}>
          {CHART_METRICS.map((id) => <option key={id} value={id}>{chartStrings.metric[id]}</option>)}
        </select>
      </div>
      <div ref={measure}>
        <LineChart title={`${chartStrings.metric[metric]} — ${strings.thisRun} / ${strings.changedRun}`} times={data.original.series.samples.map((s) => s.t)}
          lines={lines} fromMs={0} toMs={data.untilMs} faults={tookEffect(data.original.series.faults).map((f) => ({ t: f.t, label: actionSaid(f.action, f.target, language) }))}
          nowMs={change.at} width={width} height={200} timeAxis={chartStrings.timeAxis} valueAxis={chartStrings.unit[unitOf(metric)]} readout={chartStrings.readout} rulesLegend={chartStrings.timelineRules} nowLegend={strings.forkRule} testId="whatif-chart" />
      </div>
    </div>
  );
}
