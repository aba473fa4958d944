/**
 * The run's headline numbers at the current time, as the summary of `npm run sim` gives them:
 * sent, stored, consumed, never consumable, lagging, duplicates, failed and lost.
 */
import { formatCount } from '../../viz/format.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { EmptyPanel, PanelFrame, summaryAt, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';

export interface SummaryBarProps {
  className?: string;
}

type Metric = keyof PanelStrings['summary'];
const METRICS: Metric[] = ['sent', 'stored', 'consumed', 'neverConsumable', 'lagging', 'duplicates', 'failed', 'lost'];
/** Metrics that mean something went wrong when not zero. */
const WARNINGS = new Set<Metric>(['neverConsumable', 'duplicates', 'failed', 'lost']);

export function SummaryBar({ className }: SummaryBarProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = usePanelStrings();
  if (!view) return <EmptyPanel name="summary" title={strings.summaryTitle} className={className} />;
  const { messages } = summaryAt(view.timeline, view.timeMs);
  return (
    <PanelFrame name="summary" title={strings.summaryTitle} className={className}>
      <dl className="rs-summary-list">
        {METRICS.map((metric) => {
          const value = messages[metric];
          const warn = WARNINGS.has(metric) && value > 0;
          return (
            <div key={metric} className={`rs-summary-item${warn ? ' rs-summary-warn' : ''}`} data-testid={`summary-${metric}`} title={strings.summary[metric].hint}>
              <dt>
                {strings.summary[metric].label}
                <span className="rs-visually-hidden"> ({strings.summary[metric].hint})</span>
              </dt>
              <dd>{formatCount(value)}</dd>
            </div>
          );
        })}
      </dl>
    </PanelFrame>
  );
}
