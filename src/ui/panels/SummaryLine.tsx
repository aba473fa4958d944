/**
 * The summary's story counters in one line over the canvas, where the summary bar is not shown
 * (a chapter gives its place to the lesson; presenting scrolls it away): sent and consumed, and
 * each warning or notice once it is not zero. A chapter's caption that speaks of unconsumable
 * messages or duplicates, and the punchline of a scenario presented to a class, have their number
 * on screen. A chapter presented scrolls the canvas's heading under the lesson box, so there the
 * line closes the box instead (`inLesson`): one line at a time, never both.
 */
import { inChapter, useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatCount } from '../../viz/format.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { summaryAt, usePanelStrings } from './shared.tsx';
import { METRICS, tone, type Metric } from './summary-metrics.ts';
import { useSummaryHints } from './use-summary-hints.ts';

/** Always in the line: what went in and what came out. */
const ALWAYS = new Set<Metric>(['sent', 'consumed']);

export function SummaryLine({ inLesson = false }: { inLesson?: boolean }) {
  const presenting = usePage((s) => s.presenting);
  const chapterOpen = useLesson(inChapter);
  const shown = inLesson ? presenting && chapterOpen : presenting !== chapterOpen;
  return shown ? <Counts /> : null;
}

function Counts() {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = usePanelStrings();
  const hints = useSummaryHints(usePlayback((s) => s.language));
  if (!view) return null;
  const { messages } = summaryAt(view.timeline, view.timeMs);
  const items = METRICS.filter((metric) => ALWAYS.has(metric) || tone(metric, messages[metric]) !== null);
  return (
    <dl className="rs-summary-line" aria-label={strings.summaryTitle} data-testid="summary-line">
      {items.map((metric) => {
        const toned = tone(metric, messages[metric]);
        return (
          <div key={metric} className={toned === null ? undefined : `rs-summary-line-${toned}`} title={hints?.[metric]} data-testid={`summary-line-${metric}`}>
            <dt>{strings.summary[metric]}</dt>
            <dd>{formatCount(messages[metric])}</dd>
          </div>
        );
      })}
    </dl>
  );
}
