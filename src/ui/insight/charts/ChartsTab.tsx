/**
 * The Charts tab: numbers over the run from 0:00 to the playhead (the seriesOverTime query, so
 * the run never moves for it), two charts at once, each with its own choice of numbers.
 */
import { stepFor } from '../../../sim/queries/series-over-time.ts';
import { usePlayback } from '../../../store/playback.ts';
import { PanelFrame } from '../../panels/shared.tsx';
import { useElementWidth } from '../../panels/use-element-width.ts';
import { useSimQuery } from '../../use-sim-query.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { ChartCard } from './ChartCard.tsx';
import { CHARTS_STRINGS } from './charts-strings.ts';
import './charts.css';
import { inLanguage } from '../../i18n/index.ts';

/** Two charts and their tools fit under the summary at 1280 x 800. */
const CHART_HEIGHT = 170;

export function ChartsTab() {
  const language = usePlayback((s) => s.language);
  const durationMs = usePlayback((s) => s.scenario?.durationMs ?? 0);
  const nowMs = useSimView(TEXT_PANEL_REFRESH)?.timeMs ?? 0;
  const strings = inLanguage(CHARTS_STRINGS, language);
  const [measure, width] = useElementWidth<HTMLDivElement>(760);
  const { data, pending } = useSimQuery('seriesOverTime', { fromMs: 0, toMs: durationMs, stepMs: stepFor(durationMs) });
  return (
    <PanelFrame name="charts" title={strings.heading} busy={pending}>
      <p className="rs-muted">{strings.intro} {strings.readoutHint}</p>
      <div ref={measure} className="rs-chart-list">
        {!data || data.samples.length < 2 ? <p data-testid="charts-empty">{strings.noData}</p> : (
          <>
            <ChartCard name="first" series={data} initial="produceTps" toMs={durationMs} nowMs={nowMs} width={width} height={CHART_HEIGHT} />
            <ChartCard name="second" series={data} initial="lagByGroup" toMs={durationMs} nowMs={nowMs} width={width} height={CHART_HEIGHT} />
          </>
        )}
      </div>
    </PanelFrame>
  );
}
