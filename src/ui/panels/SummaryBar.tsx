/**
 * The run's headline numbers at the current time, as the summary of `npm run sim` gives them:
 * messages (sent, stored, consumed, unconsumable, lagging, delayed and dead-lettered where
 * the scenario can delay or fail any, duplicates, failed, lost, filtered out by a group whose members subscribe differently) and
 * send attempts apart. Every counter opens what it counts (the hint a mouse shows on hover, for a
 * finger or a keyboard too), and one that has causes the list of them with their counts.
 */
import { lazy, memo, Suspense, useState } from 'react';
import { everyConsumer, everyProducer, type MessageModel, type Scenario } from '../../sim/index.ts';
import type { Summary } from '../../sim/summary.ts';
import { formatCount } from '../../viz/format.ts';
import { usePlayback } from '../../store/playback.ts';
import { type Bilingual, useWords } from '../i18n/index.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import type { CausedMetric } from './CauseList.tsx';
import { EmptyPanel, PanelFrame, summaryAt, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';
import { METRICS, tone, type Metric } from './summary-metrics.ts';
import { useSummaryHints } from './use-summary-hints.ts';
import './counters.css';

/** The causes and their sentences load when a counter is first opened. */
const CauseList = lazy(() => import('./CauseList.tsx').then((module) => ({ default: module.CauseList })));

export interface SummaryBarProps {
  className?: string;
}

const CAUSED = new Set<Metric>(['sent', 'neverConsumable', 'duplicates', 'failed', 'failedAttempts', 'lost']);

/**
 * What a counter's button does, after the counter's name. Here, not with the idle reasons in
 * reason-strings.ts: those are read only by panels loaded after the first paint.
 */
interface CounterButtonWords {
  showCauses: (label: string) => string;
  /** A counter without causes opens only what it counts. */
  showMeaning: (label: string) => string;
}

const COUNTER_BUTTON_WORDS: Bilingual<CounterButtonWords> = {
  en: {
    showCauses: (label) => `${label}: show the causes`,
    showMeaning: (label) => `${label}: what it counts`,
  },
  zh: {
    showCauses: (label) => `${label}：查看原因`,
    showMeaning: (label) => `${label}：它统计什么`,
  },
};

/** Sent is a notice once a send was answered with another status than SEND_OK (stored, not flushed or replicated as asked): what it lists when opened. */
function toneClass(metric: Metric, messages: Summary['messages']): string {
  const toned = metric === 'sent' && Object.keys(messages.sentNotOk).length > 0 ? 'notice' : tone(metric, messages[metric]);
  return toned === null ? '' : ` rs-summary-${toned}`;
}

/**
 * Whether a consumer's listener can fail a message (RECONSUME_LATER): in CLUSTERING its retries and
 * in the end the DLQ, in BROADCASTING a drop (ConsumeMessageConcurrentlyService.processConsumeResult).
 */
function fails(scenario: Scenario, model: MessageModel): boolean {
  return everyConsumer(scenario).some((c) => c.messageModel === model && (c.failureRate > 0 || c.failTags.length > 0));
}

const clusteringFails = (scenario: Scenario) => fails(scenario, 'CLUSTERING');

/** Whether anything waits in SCHEDULE_TOPIC_XXXX: a delayed send, or a retry. */
function delays(scenario: Scenario): boolean {
  return everyProducer(scenario).some((p) => p.delayLevel > 0) || clusteringFails(scenario);
}

/** Whether a queue can be cut back: a power loss's recovery, or a new master's truncation (controller mode). */
function cutsQueues(scenario: Scenario): boolean {
  return scenario.config.enableControllerMode || scenario.timeline.some((action) => action.action === 'powerOffBroker');
}

/** Counters only some scenarios can move, shown only there: the others keep the row they would take. */
const SHOWN_WHERE: Partial<Record<Metric, (scenario: Scenario) => boolean>> = { delayed: delays, deadLettered: clusteringFails, dropped: (scenario) => fails(scenario, 'BROADCASTING'), storedBehind: cutsQueues };

/** A counter's name and, once loaded, what it means: the same at every move (only its value changes), so it is not rendered again. */
const MetricLabel = memo(function MetricLabel({ metric, strings, hint }: { metric: Metric; strings: PanelStrings; hint: string | undefined }) {
  return (
    <>
      {strings.summary[metric]}
      {hint !== undefined && <span className="rs-visually-hidden"> ({hint})</span>}
    </>
  );
});

/** A counter from a million up, in the short form of the page's language ("1.08M", "108万"), made once each. */
const compact = new Map<string, Intl.NumberFormat>();

function compactFormat(language: string): Intl.NumberFormat {
  let format = compact.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumFractionDigits: 2 });
    compact.set(language, format);
  }
  return format;
}

/**
 * A counter's value, never broken inside: past a million the grouped digits ("1,078,470") did not
 * fit a desktop's column of fourteen and wrapped mid-number, so they read in the short form, the
 * exact count in the tooltip and for a screen reader.
 */
export function SummaryValue({ value, language }: { value: number; language: string }) {
  const exact = formatCount(value);
  if (value < 1_000_000) return <dd className="rs-summary-value">{exact}</dd>;
  const short = compactFormat(language).format(value);
  return <dd className="rs-summary-value" title={exact}><span aria-hidden="true">{short}</span><span className="rs-visually-hidden">{exact}</span></dd>;
}

export function SummaryBar({ className }: SummaryBarProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = usePanelStrings();
  const language = usePlayback((s) => s.language);
  const causes = useWords(COUNTER_BUTTON_WORDS);
  const hints = useSummaryHints(language);
  const [open, setOpen] = useState<Metric | null>(null);
  if (!view) return <EmptyPanel name="summary" title={strings.summaryTitle} className={className} />;
  const { messages } = summaryAt(view.timeline, view.timeMs);
  const { scenario } = view.timeline;
  const shown = METRICS.filter((metric) => SHOWN_WHERE[metric]?.(scenario) ?? true);
  const opened = open !== null && shown.includes(open) ? open : null;
  return (
    <PanelFrame name="summary" title={strings.summaryTitle} className={className}>
      <dl className="rs-summary-list">
        {shown.map((metric) => (
          <div key={metric} className={`rs-summary-item${toneClass(metric, messages)}`} data-testid={`summary-${metric}`} title={hints?.[metric]}>
            <dt>
              <button type="button" className="rs-summary-causes-button" aria-expanded={opened === metric} data-testid={`summary-causes-${metric}`}
                aria-label={(CAUSED.has(metric) && metric !== 'sent' ? causes.showCauses : causes.showMeaning)(strings.summary[metric])} onClick={() => setOpen(opened === metric ? null : metric)}>
                <MetricLabel metric={metric} strings={strings} hint={hints?.[metric]} />{'\u00a0'}<span aria-hidden="true">{opened === metric ? '▴' : '▾'}</span>
              </button>
            </dt>
            <SummaryValue value={messages[metric]} language={language} />
          </div>
        ))}
      </dl>
      {opened !== null && (
        <section className="rs-summary-causes" data-testid="summary-causes" aria-live="polite">
          <h3>{strings.summary[opened]}</h3>
          <p data-testid="summary-hint">{hints?.[opened]}</p>
          {CAUSED.has(opened) && <Suspense fallback={null}><CauseList metric={opened as CausedMetric} label={strings.summary[opened]} messages={messages} /></Suspense>}
        </section>
      )}
    </PanelFrame>
  );
}
